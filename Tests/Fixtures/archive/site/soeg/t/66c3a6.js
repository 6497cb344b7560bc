AgendaSite.shard("66c3a6",{
"fæl":"A2z321v4H1s7",
"fællesmød":"21pD",
"fællesskab":"N1dF",
"fær":"D1vLB1dB23e941v6",
"færd":"21pD"
});
