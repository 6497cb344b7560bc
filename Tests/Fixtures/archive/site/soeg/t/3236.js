AgendaSite.shard("3236",{
"26":"11r6H3-133gF13l824dB23e943v615i5"
});
