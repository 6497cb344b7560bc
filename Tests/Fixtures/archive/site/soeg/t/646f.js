AgendaSite.shard("646f",{
"domstol":"B1Z9",
"dot":"22pD"
});
