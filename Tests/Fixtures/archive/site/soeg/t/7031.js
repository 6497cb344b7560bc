AgendaSite.shard("7031",{
"p19":"F3p313k1"
});
