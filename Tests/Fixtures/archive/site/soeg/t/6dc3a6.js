AgendaSite.shard("6dc3a6",{
"mærk":"52Y3"
});
