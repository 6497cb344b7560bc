AgendaSite.shard("76c3a6",{
"vælg":"93v2E1dF",
"værd":"21pDB2vL",
"værdi":"D1vL",
"værktøj":"21pD"
});
