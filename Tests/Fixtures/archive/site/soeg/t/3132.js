AgendaSite.shard("3132",{
"12":"H1n3G1t1",
"124":"31s9K1dF",
"12638":"33s9"
});
