AgendaSite.shard("6272",{
"bred":"21pDL1dF",
"bredt":"21pD",
"bring":"21pD",
"brug":"P1xC41s7",
"brutto":"31s9",
"bruttoindkomst":"L2gF"
});
