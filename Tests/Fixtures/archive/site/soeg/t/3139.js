AgendaSite.shard("3139",{
"19":"31s9"
});
