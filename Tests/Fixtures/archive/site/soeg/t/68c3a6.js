AgendaSite.shard("68c3a6",{
"hæv":"L1gF23dF"
});
