AgendaSite.shard("6d75",{
"mul":"24pD21a462z321v416vL11j511p384dF22xC",
"mulighed":"D1vLG1s7",
"mulighedsbilled":"C1v4"
});
