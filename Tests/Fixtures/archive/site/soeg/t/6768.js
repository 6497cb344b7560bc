AgendaSite.shard("6768",{
"ghettoområd":"N1dF"
});
