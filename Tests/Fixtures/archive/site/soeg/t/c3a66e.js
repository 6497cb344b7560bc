AgendaSite.shard("c3a66e",{
"ændr":"11r612pD11s9A1vL",
"ændred":"21pD",
"ændring":"22pD31Y382vL81gF41xC"
});
