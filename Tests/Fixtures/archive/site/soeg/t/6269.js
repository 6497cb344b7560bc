AgendaSite.shard("6269",{
"bi":"L4gF14l813dF13dB13xC13e913i213n113s713v613i523t113O",
"bidrag":"21pD91Z921vLG1s7",
"bilag":"21pD21a461z343j592dF22xC",
"billed":"A1z3"
});
