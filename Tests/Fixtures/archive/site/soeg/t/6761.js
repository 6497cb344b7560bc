AgendaSite.shard("6761",{
"gang":"31s9J1l822dB51s7",
"gav":"N1dF",
"gavn":"M1l811dF"
});
