AgendaSite.shard("6f66",{
"offent":"D1vL81gF",
"offentliggjort":"D1vL",
"oft":"V1i5"
});
