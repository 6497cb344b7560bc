AgendaSite.shard("322e",{
"2.159.000":"Q4e9"
});
