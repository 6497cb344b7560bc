AgendaSite.shard("3036",{
"06102025":"21pD"
});
