AgendaSite.shard("3136",{
"16":"31s9A3vL",
"16.30":"D3vL",
"168":"L1gF21dF"
});
