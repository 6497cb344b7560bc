AgendaSite.shard("746a",{
"tjen":"B1Z9"
});
