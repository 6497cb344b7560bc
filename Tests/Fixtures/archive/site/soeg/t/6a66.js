AgendaSite.shard("6a66",{
"jf":"N1dF31e9"
});
