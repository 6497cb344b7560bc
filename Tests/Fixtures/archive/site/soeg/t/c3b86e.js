AgendaSite.shard("c3b86e",{
"ønsk":"A2z333vLG1s7"
});
