AgendaSite.shard("6d76",{
"mv":"A1z371n3"
});
