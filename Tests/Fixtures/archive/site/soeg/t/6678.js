AgendaSite.shard("6678",{
"fx":"21pD11s9J1l8"
});
