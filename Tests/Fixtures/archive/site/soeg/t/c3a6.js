AgendaSite.shard("c3a6",{
"æ":"91v2"
});
