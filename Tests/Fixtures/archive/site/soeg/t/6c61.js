AgendaSite.shard("6c61",{
"land":"L1gF",
"landsbyggefond":"L1gF",
"landsgennemsnit":"21pD",
"landsplan":"D3vLC1xC",
"lang":"M1l8",
"lav":"23pDJ1gF41xC"
});
