AgendaSite.shard("c3b86a",{
"øjebliksbilled":"31s9"
});
