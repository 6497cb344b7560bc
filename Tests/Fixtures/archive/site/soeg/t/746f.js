AgendaSite.shard("746f",{
"to":"12r621s9A2vL81gF22dF11dB71i5",
"tog":"L2gF12l852i2",
"toår":"N1dF"
});
