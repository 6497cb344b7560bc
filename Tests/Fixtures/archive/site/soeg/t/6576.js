AgendaSite.shard("6576",{
"evaluering":"73K71j5D2i2",
"eventuel":"O1dB",
"eventuelt":"63EJ1xC93O",
"evn":"21pD"
});
