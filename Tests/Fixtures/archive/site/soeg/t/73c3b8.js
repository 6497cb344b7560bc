AgendaSite.shard("73c3b8",{
"søgt":"Q1e9",
"sønderbro":"L6gF16l82CdB71i5",
"sør":"M1l8",
"sørg":"P2xC"
});
