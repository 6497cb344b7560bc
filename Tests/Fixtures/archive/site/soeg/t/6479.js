AgendaSite.shard("6479",{
"dynamisk":"E1j5"
});
