using VinylVault.Core.Collection;
using VinylVault.Core.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

// Storage first: its hosted service migrates the database before any other hosted service starts.
builder.AddStorage();

var app = builder.Build();

app.Run();
