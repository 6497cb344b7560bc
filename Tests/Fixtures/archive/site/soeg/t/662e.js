AgendaSite.shard("662e",{
"f.eks":"M1l841e9"
});
