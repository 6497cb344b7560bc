AgendaSite.shard("6974",{
"it":"O1dB",
"it-systemer":"O1dB"
});
