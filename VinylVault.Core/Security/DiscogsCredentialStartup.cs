using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Security;

/// <summary>
/// Loads the saved Discogs account before anything talks to Discogs, and saves (encrypted) an account given by
/// configuration (Discogs:Username / Discogs:Token), so that configuration is the only place it is ever plain.
/// Registered after storage's initializer, so the schema exists.
/// </summary>
internal sealed class DiscogsCredentialStartup(DiscogsCredentialStore store, IOptions<DiscogsOptions> options, ILogger<DiscogsCredentialStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.LoadAsync(cancellationToken);
        var configured = options.Value;
        if (string.IsNullOrWhiteSpace(configured.Token))
        {
            return;
        }

        var username = configured.Username?.Trim() ?? "";
        if (!store.Holds(username, configured.Token))
        {
            await store.SaveAsync(username, configured.Token, baseUrl: null, cancellationToken);
            logger.LogInformation("Saved the Discogs account from configuration (token encrypted) for {Username}", username.Length > 0 ? username : "(the token's owner)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
