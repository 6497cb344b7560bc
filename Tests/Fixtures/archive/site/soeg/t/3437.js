AgendaSite.shard("3437",{
"47":"F1p3"
});
