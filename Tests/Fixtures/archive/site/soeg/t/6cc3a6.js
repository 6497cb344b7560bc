AgendaSite.shard("6cc3a6",{
"læg":"D2vL21p3A1xC11e911i223s7",
"lægeerklæring":"R1i221s7",
"læng":"21pDJ1gF21dF12dB11xC",
"læringskultur":"Q1e9",
"læringsspor":"12r6"
});
