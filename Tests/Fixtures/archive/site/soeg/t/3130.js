AgendaSite.shard("3130",{
"10":"33s9A3vL23p3B3e913i213n153t113O"
});
