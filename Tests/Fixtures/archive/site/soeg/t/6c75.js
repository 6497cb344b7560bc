AgendaSite.shard("6c75",{
"luk":"W136"
});
