AgendaSite.shard("6dc3a5",{
"mål":"21pD11s9I1gF21dF31e9",
"målgrup":"31s9A5vL91l8",
"måling":"L1gF",
"målopfyld":"E1j5",
"målret":"L1gF51e951i5",
"måned":"11r611pD31Y3O1s711v6"
});
