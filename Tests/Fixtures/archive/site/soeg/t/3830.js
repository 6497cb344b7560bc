AgendaSite.shard("3830",{
"80":"I1-1"
});
