AgendaSite.shard("6f74",{
"ott":"L1gF31dB"
});
