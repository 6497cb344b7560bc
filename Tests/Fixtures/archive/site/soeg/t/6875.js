AgendaSite.shard("6875",{
"hurt":"B1Z9"
});
