AgendaSite.shard("6ec3a6",{
"nær":"M1l8",
"næst":"L1gF41xC",
"næstformand":"97v2",
"nævnt":"D1vL"
});
