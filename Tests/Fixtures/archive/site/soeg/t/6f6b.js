AgendaSite.shard("6f6b",{
"oktob":"01P11r611pD13s912a412Y311E11K11Q51vL"
});
