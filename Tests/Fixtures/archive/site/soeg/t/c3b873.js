AgendaSite.shard("c3b873",{
"østby":"I4-1"
});
