AgendaSite.shard("3035",{
"05":"T1s722i5"
});
