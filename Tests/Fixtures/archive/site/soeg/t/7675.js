AgendaSite.shard("7675",{
"vurd":"21pD91Z921vL81gF21dF",
"vurdering":"21pD"
});
