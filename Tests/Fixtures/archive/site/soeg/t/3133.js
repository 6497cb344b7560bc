AgendaSite.shard("3133",{
"13":"31s971z331vL41n3G1t1",
"139":"32s9"
});
