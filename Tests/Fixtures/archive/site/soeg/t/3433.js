AgendaSite.shard("3433",{
"43":"31s9"
});
