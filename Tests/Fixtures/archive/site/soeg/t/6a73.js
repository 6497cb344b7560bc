AgendaSite.shard("6a73",{
"js":"L1gF21dF11dB"
});
