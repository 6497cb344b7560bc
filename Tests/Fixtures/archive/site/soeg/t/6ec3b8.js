AgendaSite.shard("6ec3b8",{
"nødvend":"B1Z9E1xC",
"nøglemedarbejd":"P1xC",
"nøgletal":"F5p3",
"nøgletalsrapport":"F4p3"
});
