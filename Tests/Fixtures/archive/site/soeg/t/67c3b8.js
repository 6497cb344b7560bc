AgendaSite.shard("67c3b8",{
"gør":"D3vL91l8"
});
