using VinylVault.Core.Collection;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();
builder.AddDiscogs();

// Storage first: its hosted service migrates the database before any other hosted service starts.
builder.AddStorage();

var app = builder.Build();

app.Run();
