AgendaSite.shard("67c3a5",{
"går":"21pD"
});
