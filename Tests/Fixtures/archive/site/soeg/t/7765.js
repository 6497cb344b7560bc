AgendaSite.shard("7765",{
"web":"A1z3",
"web-baserede":"A1z3"
});
