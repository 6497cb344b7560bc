AgendaSite.shard("3031",{
"01":"B3Z9C3dF43i213n153t113O",
"01.00.00-p20-1-18":"N3dF"
});
