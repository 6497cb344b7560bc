AgendaSite.shard("38",{
"8":"11r621s921Y3J2dB61v6"
});
