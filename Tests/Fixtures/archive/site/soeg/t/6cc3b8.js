AgendaSite.shard("6cc3b8",{
"løb":"12r621s921Y372v412vL12j571gF33dB",
"løft":"M1l8",
"løntilskud":"31s9S1i5"
});
