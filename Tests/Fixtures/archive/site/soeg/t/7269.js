AgendaSite.shard("7269",{
"risiko":"P1xC"
});
