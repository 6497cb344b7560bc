AgendaSite.shard("7075",{
"pulj":"Q6e931s7",
"punk":"B1Z911v422j572gF11l871s722i5136"
});
