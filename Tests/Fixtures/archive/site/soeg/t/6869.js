AgendaSite.shard("6869",{
"hinand":"A1z3"
});
