AgendaSite.shard("6e61",{
"naturligvis":"E1j5",
"navn":"11r6"
});
