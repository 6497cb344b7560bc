AgendaSite.shard("756b",{
"ukrainsk":"31s9"
});
