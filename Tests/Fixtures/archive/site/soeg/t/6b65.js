AgendaSite.shard("6b65",{
"kendskab":"F1p3",
"kernefortælling":"D1vL",
"kerneopgav":"C6v4"
});
