AgendaSite.shard("73c3a6",{
"sær":"41a4H1gF11l822dB12xC",
"særfordel":"B1Z9",
"særlov":"31s9",
"særskilt":"B1Z9",
"sæt":"22pD21a471Z921vL"
});
