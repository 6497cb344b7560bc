AgendaSite.shard("6365",{
"cent":"41a4",
"central":"B1Z911v411vL22p3",
"centralt":"C1v411vLC1xC"
});
