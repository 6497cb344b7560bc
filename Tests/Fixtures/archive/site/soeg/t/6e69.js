AgendaSite.shard("6e69",{
"niveau":"22pD93Z911v4"
});
