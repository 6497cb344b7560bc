AgendaSite.shard("706c",{
"pl":"D1vL",
"plad":"22pDB1vL51-151dF",
"plan":"21pD91Z972-131gF21dF81i5",
"platform":"A1z3",
"plejecent":"L1gF26dF",
"plejehjemsplads":"N1dF"
});
