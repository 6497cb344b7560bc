AgendaSite.shard("3630",{
"60":"H1n342gF22dF"
});
