AgendaSite.shard("6966",{
"ifølg":"O1dB"
});
