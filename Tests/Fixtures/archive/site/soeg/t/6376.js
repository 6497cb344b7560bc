AgendaSite.shard("6376",{
"cv":"P1xC41s7"
});
