AgendaSite.shard("61",{
"a":"21pD31Y382vL81gF21dF11dB22e9"
});
