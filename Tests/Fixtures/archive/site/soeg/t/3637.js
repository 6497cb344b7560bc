AgendaSite.shard("3637",{
"67":"32s9K2dF"
});
