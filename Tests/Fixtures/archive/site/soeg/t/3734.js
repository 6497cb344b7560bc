AgendaSite.shard("3734",{
"74":"N1dF"
});
