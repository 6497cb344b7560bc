AgendaSite.shard("c3a562",{
"åbn":"M1l8"
});
