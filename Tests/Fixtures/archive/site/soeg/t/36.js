AgendaSite.shard("36",{
"6":"11r613pD71v241vLH4v6"
});
