AgendaSite.shard("72c3a6",{
"ræk":"M1l8"
});
