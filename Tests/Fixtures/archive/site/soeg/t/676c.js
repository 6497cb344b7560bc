AgendaSite.shard("676c",{
"global":"41a4"
});
