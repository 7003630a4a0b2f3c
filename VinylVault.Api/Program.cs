using VinylVault.Core.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

var app = builder.Build();

app.Run();
