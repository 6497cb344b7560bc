AgendaSite.shard("612d",{
"a-kasser":"21pDB2vLD2e9",
"a-kasserne":"51Y3"
});
