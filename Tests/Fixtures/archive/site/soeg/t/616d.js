AgendaSite.shard("616d",{
"ambition":"C1v412vL32k1"
});
