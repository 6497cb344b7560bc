AgendaSite.shard("686a",{
"hjem":"N1dF",
"hjemmesid":"B1Z9",
"hjælp":"M1l8"
});
