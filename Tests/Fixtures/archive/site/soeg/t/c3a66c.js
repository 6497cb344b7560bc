AgendaSite.shard("c3a66c",{
"ældr":"O1dB"
});
