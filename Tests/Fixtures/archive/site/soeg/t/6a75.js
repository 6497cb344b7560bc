AgendaSite.shard("6a75",{
"juli":"31s9A2vL",
"juni":"D1vLC1xC51v6",
"juridisk":"D1vL",
"just":"P1xC",
"justering":"P1xC41s7"
});
