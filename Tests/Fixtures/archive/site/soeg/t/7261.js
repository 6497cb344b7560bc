AgendaSite.shard("7261",{
"radikal":"D1vL",
"ram":"24pD91Z923vL",
"rammevilkår":"C1v4",
"rapport":"F1p3A3xC"
});
