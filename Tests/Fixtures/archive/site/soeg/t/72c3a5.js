AgendaSite.shard("72c3a5",{
"råd":"21pDK1l8",
"råderum":"D1vLD1e9",
"rådgiv":"22pD",
"rådgivning":"21pD"
});
