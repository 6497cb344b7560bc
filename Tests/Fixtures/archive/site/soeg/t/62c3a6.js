AgendaSite.shard("62c3a6",{
"bær":"M1l8"
});
