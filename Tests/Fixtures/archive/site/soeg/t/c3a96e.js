AgendaSite.shard("c3a96e",{
"én":"O2dB"
});
