AgendaSite.shard("68c3b8",{
"høj":"D2vLC1xC51v6",
"højd":"21pDA1v4"
});
