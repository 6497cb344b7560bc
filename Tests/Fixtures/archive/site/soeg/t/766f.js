AgendaSite.shard("766f",{
"vor":"41a4"
});
