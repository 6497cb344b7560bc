AgendaSite.shard("6868",{
"hhv":"D3vL"
});
