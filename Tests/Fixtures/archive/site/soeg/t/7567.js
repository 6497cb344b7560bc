AgendaSite.shard("7567",{
"ugen":"32s971z3C1l8",
"ugent":"V1i5",
"uger":"11r6"
});
