AgendaSite.shard("7476",{
"tvær":"G2k161l8",
"tværfag":"P1xC41s7"
});
