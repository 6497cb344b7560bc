AgendaSite.shard("72c3b8",{
"rødt":"21pD"
});
