AgendaSite.shard("6232",{
"b2026":"E1j5"
});
