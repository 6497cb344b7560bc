AgendaSite.shard("6167",{
"agenda":"A1z3",
"agenda/prepare":"A1z3"
});
