AgendaSite.shard("3632",{
"62":"31s9"
});
