AgendaSite.shard("3234",{
"24":"11r631a4Q1v6",
"24526":"03P53Y313E13K13Q"
});
