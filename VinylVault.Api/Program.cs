using VinylVault.Api.Auth;
using VinylVault.Api.Backups;
using VinylVault.Api.Collection;
using VinylVault.Api.Covers;
using VinylVault.Api.Dashboard;
using VinylVault.Api.Demo;
using VinylVault.Api.DiscogsAccount;
using VinylVault.Api.Exports;
using VinylVault.Api.Editing;
using VinylVault.Api.Http;
using VinylVault.Api.Lookup;
using VinylVault.Api.Operations;
using VinylVault.Api.Search;
using VinylVault.Api.Sync;
using VinylVault.Api.Wantlist;
using VinylVault.Api.Value;
using VinylVault.Core.Backups;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Configuration;
using VinylVault.Core.Covers;
using VinylVault.Core.Discogs;
using VinylVault.Core.Exports;
using VinylVault.Core.Lookup;
using VinylVault.Core.Outbox;
using VinylVault.Core.Security;
using VinylVault.Core.Sync;
using VinylVault.Core.Wantlist;

var builder = WebApplication.CreateBuilder(RestoreCommand.HostArguments(args));
builder.Configuration.AddEnvironmentAliases();
// Under systemd (deploy/vinylvault.service, Type=notify) the unit is ready once the app listens; elsewhere a no-op.
builder.Services.AddSystemd();

// Backups first (a restore staged from Settings is applied before the database opens), then storage: its hosted
// service migrates the database before any other hosted service starts.
builder.AddBackups();
builder.AddStorage();
builder.AddTrustedHosts();
builder.AddDiscogs();
builder.AddDiscogsConnectivity();
builder.AddSync();
builder.AddExports();
builder.AddOutbox();
builder.AddWantlist();
builder.AddCovers();
builder.AddLookup();
builder.AddSecurity();
builder.AddHttpApi();
builder.AddVaultAuth();
builder.AddLiveProgress();
builder.AddVaultMetrics();
builder.AddVaultHealth();
builder.AddDemoMode();
builder.AddDashboard();

var app = builder.Build();
if (RestoreCommand.IsRequested(args))
{
    Environment.ExitCode = await app.RunRestoreAsync(args);
    return;
}

app.UseTrustedHosts();
app.UseSecurityHeaders();
app.UseProblemHandling();
app.UseVaultAuth();
// After authentication: only the owner's local reads take turns (HttpApi.LocalRead), never an anonymous request.
app.UseRateLimiter();

app.MapApiDocument();
app.MapVaultHealth();
app.MapVaultMetrics();
app.MapSessionEndpoints();

var api = app.MapApiGroup();
api.MapSyncEndpoints();
api.MapSearchEndpoints();
api.MapCollectionEndpoints();
api.MapEditEndpoints();
api.MapWantlistEndpoints();
api.MapDiscogsAccountEndpoints();
api.MapApiKeyEndpoints();
api.MapBackupEndpoints();
api.MapExportEndpoints();
api.MapCoverEndpoints();
api.MapLookupEndpoints();
api.MapValueEndpoints();

app.MapCoverFiles();
app.MapSyncHub();
app.MapDemoMode();
app.MapDashboard();

await app.RunAsync();
