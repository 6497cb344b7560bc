AgendaSite.shard("62c3b8",{
"børn":"I2-1",
"børnehav":"I7-1",
"børnetal":"I1-1"
});
