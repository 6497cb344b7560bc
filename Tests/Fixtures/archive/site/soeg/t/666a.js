AgendaSite.shard("666a",{
"fjern":"L1gF"
});
