AgendaSite.shard("6a61",{
"jakob":"91v2",
"januar":"32s922Y351z311Z922vL21p361gF"
});
