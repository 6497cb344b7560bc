AgendaSite.shard("6b75",{
"kultur":"41a4",
"kun":"B1Z9D2dB"
});
