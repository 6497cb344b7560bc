AgendaSite.shard("c3b867",{
"øge":"21pD",
"øged":"C1v4",
"øges":"21pD",
"øget":"11r6O1xC"
});
