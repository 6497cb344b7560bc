AgendaSite.shard("7461",{
"tabel":"11r621s9",
"tag":"13r612pD11s921Y363Z914v411vL24p323n322j121gF11l831xC21i221s711v631t1",
"takt":"C1v4",
"tal":"31s9A1vL81gF32dB62v6",
"tankegang":"D1vL"
});
