AgendaSite.shard("7363",{
"scenari":"D1vL"
});
