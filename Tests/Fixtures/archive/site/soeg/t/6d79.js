AgendaSite.shard("6d79",{
"mynd":"B4Z9C1dF"
});
