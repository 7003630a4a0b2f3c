using VinylVault.Core.Collection;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

// Storage first: its hosted service migrates the database before any other hosted service starts.
builder.AddStorage();
builder.AddDiscogs();
builder.AddSync();

var app = builder.Build();

app.Run();
