AgendaSite.shard("6361",{
"ca":"D2vL41n371dB",
"carelink":"14r6O6xC41s7"
});
