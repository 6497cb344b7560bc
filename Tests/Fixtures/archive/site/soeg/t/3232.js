AgendaSite.shard("3232",{
"22":"94v233v4"
});
