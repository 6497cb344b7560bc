AgendaSite.shard("3330",{
"30":"D3vL81gF22dF77v6"
});
