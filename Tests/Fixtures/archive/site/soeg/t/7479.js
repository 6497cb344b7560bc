AgendaSite.shard("7479",{
"tyd":"21pDN1xC41s7"
});
