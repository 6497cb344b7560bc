AgendaSite.shard("6b72",{
"kr":"14r6C6vL81gF57e946v6",
"kraft":"31s981Z921vL",
"krav":"21pDB3vLD1e9",
"kriminalitetskriteri":"L1gF",
"kriteri":"H1n341gF21dF16dB71i5",
"kræv":"N1dF"
});
