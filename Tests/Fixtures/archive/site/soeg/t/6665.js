AgendaSite.shard("6665",{
"februar":"51Y383vL",
"fem":"D1vLB2dB"
});
