AgendaSite.shard("6b6e",{
"knyt":"L1gF"
});
