AgendaSite.shard("7661",{
"valg":"93v221Z9",
"vansk":"N1dF",
"var":"D2vL",
"varetag":"B2Z9B2l8"
});
