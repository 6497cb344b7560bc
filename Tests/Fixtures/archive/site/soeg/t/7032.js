AgendaSite.shard("7032",{
"p20":"I3-153dF83i5"
});
