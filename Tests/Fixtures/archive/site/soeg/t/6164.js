AgendaSite.shard("6164",{
"adgang":"M1l8",
"administration":"A2z311Z911v414vL13j512p326n362dF16dB18xC11e934s712v612i5",
"administrativ":"C1v412vL",
"adopt":"31s9"
});
