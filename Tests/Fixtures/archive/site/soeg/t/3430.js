AgendaSite.shard("3430",{
"40":"D1vL82gF21dF29xC42s7",
"40år":"P1xC"
});
