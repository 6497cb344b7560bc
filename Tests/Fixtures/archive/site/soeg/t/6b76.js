AgendaSite.shard("6b76",{
"kvalific":"21pD21a493vL",
"kvalit":"11r6"
});
