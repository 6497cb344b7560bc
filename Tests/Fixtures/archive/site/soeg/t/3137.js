AgendaSite.shard("3137",{
"17":"B1Z9G1i261t1",
"1719":"F3p3"
});
