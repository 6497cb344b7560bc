AgendaSite.shard("3733",{
"735":"U1v6",
"738":"U1v6"
});
