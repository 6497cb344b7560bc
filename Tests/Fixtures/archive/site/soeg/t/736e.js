AgendaSite.shard("736e",{
"snak":"A1z3"
});
