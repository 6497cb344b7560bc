AgendaSite.shard("35",{
"5":"13r611pD11s981Z922vL41n341gF81s715v6"
});
