AgendaSite.shard("3634",{
"64":"O1dB"
});
