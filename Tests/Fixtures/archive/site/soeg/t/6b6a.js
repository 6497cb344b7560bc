AgendaSite.shard("6b6a",{
"kjærsgård":"91v2"
});
