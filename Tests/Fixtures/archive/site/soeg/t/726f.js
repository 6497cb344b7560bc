AgendaSite.shard("726f",{
"robust":"D1vL",
"rol":"41a461z332vL"
});
