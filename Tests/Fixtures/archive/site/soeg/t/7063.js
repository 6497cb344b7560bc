AgendaSite.shard("7063",{
"pct":"L7gF"
});
