AgendaSite.shard("7376",{
"svar":"D2vL81gF31dB",
"svært":"41a4"
});
