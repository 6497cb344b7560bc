AgendaSite.shard("6e6f",{
"notat":"V1i5",
"novemb":"53Y3C1n3G1t1"
});
