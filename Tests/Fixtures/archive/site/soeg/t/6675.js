AgendaSite.shard("6675",{
"fuld":"D2vL",
"fuldtidsarbejd":"31s9",
"fulg":"11r6",
"fund":"D1vL",
"fundament":"P1xC",
"fundamental":"D1vL"
});
