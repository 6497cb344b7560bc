AgendaSite.shard("67c3a6",{
"gæld":"C1v491gF21dF81i5"
});
