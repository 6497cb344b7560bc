AgendaSite.shard("66",{
"f":"M1l841e9"
});
