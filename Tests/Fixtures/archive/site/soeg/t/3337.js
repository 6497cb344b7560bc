AgendaSite.shard("3337",{
"37":"21pD14s9"
});
