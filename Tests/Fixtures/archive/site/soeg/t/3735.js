AgendaSite.shard("3735",{
"75":"L1gF22dF"
});
