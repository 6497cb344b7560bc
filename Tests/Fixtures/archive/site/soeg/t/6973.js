AgendaSite.shard("6973",{
"især":"P1xC"
});
