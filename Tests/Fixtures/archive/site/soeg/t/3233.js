AgendaSite.shard("3233",{
"23":"01P41a4Q1v6"
});
