AgendaSite.shard("3435",{
"45":"31s9"
});
