AgendaSite.shard("7369",{
"sid":"22pDK2l811dF11dB",
"sidst":"D1vL",
"sikr":"24pDA1v413vLC1xC",
"situation":"42a4"
});
