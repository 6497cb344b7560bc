AgendaSite.shard("73c3a5",{
"så":"25pDB2vLA1dF61s7",
"såkald":"L1gF",
"såled":"D2vL"
});
