AgendaSite.shard("6175",{
"august":"32s9C1p391dB32i241i521t1"
});
