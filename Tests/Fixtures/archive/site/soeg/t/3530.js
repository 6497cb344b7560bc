AgendaSite.shard("3530",{
"50":"31s9"
});
