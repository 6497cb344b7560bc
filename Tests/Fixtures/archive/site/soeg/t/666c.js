AgendaSite.shard("666c",{
"fleksibelt":"21pD",
"fleksjob":"P1xC",
"fler":"25pD11s9A2vL93l821dB11xC",
"flertal":"Q1e9",
"flyt":"N1dF11dB71i5",
"flytning":"R1i2"
});
