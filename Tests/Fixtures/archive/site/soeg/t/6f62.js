AgendaSite.shard("6f62",{
"objektiv":"Q1e9"
});
