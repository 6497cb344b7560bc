AgendaSite.shard("6130",{
"a00":"93v233v413vL83gF13l843e913i213n153t113O"
});
