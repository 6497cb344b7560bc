AgendaSite.shard("63",{
"c":"91v2"
});
