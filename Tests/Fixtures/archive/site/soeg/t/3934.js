AgendaSite.shard("3934",{
"94":"32s9"
});
