AgendaSite.shard("74c3a6",{
"tæt":"23pDB2vL12j571gF14l841e951i5",
"tættest":"O1dB"
});
