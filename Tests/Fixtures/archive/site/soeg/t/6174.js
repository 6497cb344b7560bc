AgendaSite.shard("6174",{
"attraktiv":"L1gF"
});
