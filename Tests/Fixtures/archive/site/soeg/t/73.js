AgendaSite.shard("73",{
"s":"21pD22a4T1t1"
});
