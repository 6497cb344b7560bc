AgendaSite.shard("3331",{
"31":"12r621s9A1vLI1i5"
});
