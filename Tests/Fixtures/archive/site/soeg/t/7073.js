AgendaSite.shard("7073",{
"psykiatri":"T1s7"
});
