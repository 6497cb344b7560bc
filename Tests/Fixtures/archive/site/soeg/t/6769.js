AgendaSite.shard("6769",{
"giv":"11r611pD11s971z313Z914v415vL11j512p381dF31e931s721i5",
"givent":"B1Z9"
});
