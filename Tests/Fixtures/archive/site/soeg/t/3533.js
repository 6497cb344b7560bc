AgendaSite.shard("3533",{
"539":"Q1e9",
"539.000":"Q1e9"
});
