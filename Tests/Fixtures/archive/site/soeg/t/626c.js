AgendaSite.shard("626c",{
"bl":"L1gF31dB",
"bl.a":"O1dB",
"bland":"H1n341gF43xC11e941v6"
});
