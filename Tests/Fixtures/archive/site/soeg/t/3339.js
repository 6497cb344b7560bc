AgendaSite.shard("3339",{
"39":"31s9"
});
