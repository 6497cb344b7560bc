AgendaSite.shard("7370",{
"sparring":"P1xC21i222s7",
"specifik":"D1vL",
"spil":"D2vL",
"spor":"12r6C1vLC1xC44s7"
});
