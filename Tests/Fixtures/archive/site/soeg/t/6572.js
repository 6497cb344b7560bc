AgendaSite.shard("6572",{
"erfaring":"12r6C1vLA1dF81i5",
"erhverv":"B2Z9",
"erhvervsaktiv":"21pDM1dB",
"erhvervsliv":"22pD",
"erhvervsretted":"21pD",
"eritrea":"O1dB"
});
