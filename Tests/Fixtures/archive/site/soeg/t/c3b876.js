AgendaSite.shard("c3b876",{
"øverst":"N1dF",
"øvr":"21pD11s911a4L1xC"
});
