AgendaSite.shard("6dc3b8",{
"mød":"12r613pD12s921Y323K22v212z311Z925vL11j574gF11l831xC21i222s741t1",
"mødedeltag":"S1n1",
"møl":"M1l8"
});
