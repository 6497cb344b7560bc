AgendaSite.shard("6567",{
"egent":"F1p3",
"egn":"32s9I1gF32dB"
});
