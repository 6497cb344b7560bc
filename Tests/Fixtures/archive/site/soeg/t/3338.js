AgendaSite.shard("3338",{
"38":"O1dB"
});
