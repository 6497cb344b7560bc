AgendaSite.shard("6261",{
"bach":"M1l8",
"bad":"I2-1",
"baggrund":"22pDD1p381dF25xC41s711v6",
"balanc":"D1vL81gF",
"bas":"21pD81z3"
});
