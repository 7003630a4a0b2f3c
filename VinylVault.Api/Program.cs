using VinylVault.Api.Dashboard;
using VinylVault.Core.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentAliases();
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();

app.Run();
