AgendaSite.shard("c3a572",{
"år":"11r622s911a4D1n342gF11l822dB19xC11e933s7",
"åren":"Q1e9",
"året":"21pD21a414Y393j571gF92v6",
"årl":"H1n373dB71i5",
"årræk":"L1gF21dF22xC",
"års":"32s9K1dF31e9"
});
