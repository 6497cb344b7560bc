AgendaSite.shard("66c3a5",{
"få":"A1z331vL11j571gF11l8",
"fået":"B1Z9F1e9",
"får":"21pD81z332vLC1xC11e931s7"
});
