AgendaSite.shard("70c3a5",{
"pågæld":"B2Z9",
"pålag":"L1gF"
});
