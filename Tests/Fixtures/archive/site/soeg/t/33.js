AgendaSite.shard("33",{
"3":"13r611pD91Z913v414vL63j164xC11e934s715v612i5"
});
