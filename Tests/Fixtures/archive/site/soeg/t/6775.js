AgendaSite.shard("6775",{
"guldborg":"91v2"
});
