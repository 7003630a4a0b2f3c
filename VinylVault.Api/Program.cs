using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();
builder.AddDiscogs();

var app = builder.Build();

app.Run();
