AgendaSite.shard("3335",{
"35":"31s9"
});
