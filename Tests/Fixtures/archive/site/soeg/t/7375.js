AgendaSite.shard("7375",{
"sund":"A1z311Z911v411vL11j511p321n3",
"sundhedsfag":"R1i221s7",
"sundpark":"L9gF16l81RdF1HdB79i5",
"sundparkhal":"N1dF"
});
