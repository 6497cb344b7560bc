AgendaSite.shard("30",{
"0":"12r6T1v6"
});
