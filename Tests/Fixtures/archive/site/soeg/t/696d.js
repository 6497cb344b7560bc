AgendaSite.shard("696d",{
"imidlertid":"N1dF81i5",
"implement":"D2vLA2dF81i5",
"implementering":"22pD14s9A2vL"
});
