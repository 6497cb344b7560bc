AgendaSite.shard("39",{
"9":"32s961v283n343gF13l821dB61v611i5"
});
