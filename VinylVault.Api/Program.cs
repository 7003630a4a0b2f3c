using VinylVault.Api.Dashboard;
using VinylVault.Core.Collection;
using VinylVault.Core.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();

// Storage first: its hosted service migrates the database before any other hosted service starts.
builder.AddStorage();
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();

app.Run();
