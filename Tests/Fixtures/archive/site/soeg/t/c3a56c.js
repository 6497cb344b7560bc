AgendaSite.shard("c3a56c",{
"ålborg":"41a4"
});
