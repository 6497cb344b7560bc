AgendaSite.shard("3836",{
"86":"N1dF"
});
