AgendaSite.shard("68c3a5",{
"hård":"N1dF"
});
