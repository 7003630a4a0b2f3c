using VinylVault.Api.Dashboard;
using VinylVault.Core.Collection;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();
builder.AddDiscogs();

// Storage first: its hosted service migrates the database before any other hosted service starts.
builder.AddStorage();
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();

app.Run();
