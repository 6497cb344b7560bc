AgendaSite.shard("706b",{
"pkt":"91v221Z941p3"
});
