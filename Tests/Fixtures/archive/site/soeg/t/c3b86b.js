AgendaSite.shard("c3b86b",{
"økonomi":"41a472Z9",
"økonomisk":"D2vL",
"økonomiudvalg":"U1v6"
});
