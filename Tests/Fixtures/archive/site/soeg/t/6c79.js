AgendaSite.shard("6c79",{
"lyd":"D1vL"
});
