AgendaSite.shard("3631",{
"612":"U1v6",
"618":"U1v6"
});
