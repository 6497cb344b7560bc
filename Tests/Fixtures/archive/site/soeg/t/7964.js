AgendaSite.shard("7964",{
"ydels":"D1vL",
"yder":"C1v411vL"
});
