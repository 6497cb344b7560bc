AgendaSite.shard("6268",{
"bht":"P1xC11e9"
});
