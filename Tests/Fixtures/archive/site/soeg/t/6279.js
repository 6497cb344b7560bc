AgendaSite.shard("6279",{
"by":"N1dF",
"byg":"32s9A1vL51-1",
"byggegen":"N1dF",
"byområd":"M2l8",
"byråd":"93v211z312Z9A2gF25dF32e931s713v612i5",
"byrådsmød":"N1dF"
});
