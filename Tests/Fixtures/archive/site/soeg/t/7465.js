AgendaSite.shard("7465",{
"tema":"41a4A4j5",
"temaplan":"E9j5"
});
