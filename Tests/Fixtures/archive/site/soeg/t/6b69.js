AgendaSite.shard("6b69",{
"kild":"32s9"
});
