AgendaSite.shard("6169",{
"ai":"Q1e9"
});
