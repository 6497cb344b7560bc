AgendaSite.shard("6e75",{
"nuvær":"11r6K1gF"
});
