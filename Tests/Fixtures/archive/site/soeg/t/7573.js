AgendaSite.shard("7573",{
"uskrevn":"B1Z9"
});
