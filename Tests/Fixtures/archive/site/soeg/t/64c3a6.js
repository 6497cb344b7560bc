AgendaSite.shard("64c3a6",{
"dæk":"31s9I1gF"
});
