AgendaSite.shard("6170",{
"april":"D2vLB1dB67v631t1"
});
