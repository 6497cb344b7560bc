AgendaSite.shard("6b6c",{
"kl":"42a493vL41n3G1t1",
"klar":"D1vL",
"klart":"C1v4",
"klik":"S1n1",
"kls":"H1n3",
"klæd":"C1v4"
});
