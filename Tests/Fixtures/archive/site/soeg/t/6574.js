AgendaSite.shard("6574",{
"etabl":"21pD81z3D1dF61s7",
"etablering":"L1gF24dF",
"etnicit":"L1gF"
});
