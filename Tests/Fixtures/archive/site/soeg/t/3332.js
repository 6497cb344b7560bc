AgendaSite.shard("3332",{
"32":"31s9A1vLB1dB"
});
