AgendaSite.shard("6262",{
"bbu":"51Y3"
});
