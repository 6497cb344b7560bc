AgendaSite.shard("c3a667",{
"ægtefæl":"O1dB"
});
