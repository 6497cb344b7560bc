AgendaSite.shard("6967",{
"igangsæt":"D1vLA2dF",
"igennem":"Q1e9"
});
