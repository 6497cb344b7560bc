AgendaSite.shard("62c3a5",{
"båd":"22pDL1dF31e9"
});
