AgendaSite.shard("6c31",{
"l12":"31s9"
});
