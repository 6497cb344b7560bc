AgendaSite.shard("37",{
"7":"31s9A2vL33k171dF71v6"
});
