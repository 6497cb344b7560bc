AgendaSite.shard("7330",{
"s00":"U3v6"
});
