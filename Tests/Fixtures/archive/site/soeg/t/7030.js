AgendaSite.shard("7030",{
"p05":"J3j153dB13xC43s7"
});
