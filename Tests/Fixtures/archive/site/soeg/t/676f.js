AgendaSite.shard("676f",{
"god":"22pD91Z9",
"godk":"01P22pD62QF2dF12dB41n1",
"godkend":"05P2BpD32Y331Q33Z926vL16j543-132gF29dF16dB13xC13e923n113s711v614i5",
"godt":"L1gF"
});
