AgendaSite.shard("736d",{
"smid":"B1Z921vL"
});
