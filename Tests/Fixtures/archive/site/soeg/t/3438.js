AgendaSite.shard("3438",{
"4896":"23pD"
});
