AgendaSite.shard("6730",{
"g01":"A3z313Z933j533n3"
});
