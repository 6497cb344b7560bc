AgendaSite.shard("3134",{
"14":"D1vL",
"14.00":"D1vL"
});
