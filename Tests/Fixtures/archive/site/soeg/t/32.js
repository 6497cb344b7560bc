AgendaSite.shard("32",{
"2":"12r611pD14s9A7vL13j5A2dB11xC16e932s719v615i5"
});
