AgendaSite.shard("6472",{
"drøft":"25pD14s914a464z321v412vL13j513p312k111n381xC41s7",
"drøfted":"24pD"
});
