AgendaSite.shard("64c3b8",{
"dømt":"L1gF"
});
