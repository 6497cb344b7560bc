AgendaSite.shard("3938",{
"98":"U1v6"
});
