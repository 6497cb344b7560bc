AgendaSite.shard("3138",{
"18":"N3dF11dB"
});
