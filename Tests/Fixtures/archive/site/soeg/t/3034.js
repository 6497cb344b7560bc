AgendaSite.shard("3034",{
"04":"T1s721i5"
});
