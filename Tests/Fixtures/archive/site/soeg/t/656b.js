AgendaSite.shard("656b",{
"eks":"M1l841e9",
"eksist":"N1dF81i5",
"ekst":"P1xC",
"ekstern":"P1xC",
"ekstra":"V1i5",
"ekstraordinært":"D5vL"
});
