AgendaSite.shard("656c",{
"element":"D1vL"
});
