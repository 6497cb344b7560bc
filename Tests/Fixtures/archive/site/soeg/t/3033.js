AgendaSite.shard("3033",{
"03":"I3-163dB",
"03.00.00-p05-1-26":"O3dB"
});
