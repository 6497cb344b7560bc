AgendaSite.shard("6273",{
"bsk":"B1Z9"
});
