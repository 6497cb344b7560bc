AgendaSite.shard("6876",{
"hverdag":"M1l8",
"hvert":"81QD1gF81s7",
"hvilk":"B3Z923vLA1dF",
"hvordan":"22pDD1p363gF24dF62s7",
"hvoreft":"D1vL",
"hvorvid":"B1Z9"
});
