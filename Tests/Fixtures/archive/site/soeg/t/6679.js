AgendaSite.shard("6679",{
"fysisk":"M1l831xC"
});
