AgendaSite.shard("6f6e",{
"onsdag":"A1z3"
});
