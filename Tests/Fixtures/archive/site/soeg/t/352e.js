AgendaSite.shard("352e",{
"5.000":"H1n3"
});
