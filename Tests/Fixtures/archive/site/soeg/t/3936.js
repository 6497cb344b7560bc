AgendaSite.shard("3936",{
"96":"N1dF71v6"
});
