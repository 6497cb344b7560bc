AgendaSite.shard("3032",{
"02":"93v2"
});
