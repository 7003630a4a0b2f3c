using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Security;
using VinylVault.Ui.Welcome;

namespace VinylVault.Ui.Settings;

/// <summary>
/// Connecting the dashboard's Discogs account: the same rules as PUT /api/account/discogs (tested with the new
/// credentials before anything is saved, the token must be the named user's), said in the words Discogs used.
/// </summary>
public sealed class DiscogsAccountConnection(
    DiscogsCredentialStore store, DiscogsConnectivity connectivity, DiscogsRateLimiter limiter, IOptions<DiscogsOptions> options,
    IDemoMode demo, IServiceProvider services)
{
    public bool HasAccount => store.HasAccount;

    public string? Username => store.SavedUsername;

    public Task<ConnectionResult> TestAsync(string username, string token, CancellationToken cancellationToken) =>
        AskAsync(username, token, save: false, cancellationToken);

    public Task<ConnectionResult> ConnectAsync(string username, string token, CancellationToken cancellationToken) =>
        AskAsync(username, token, save: true, cancellationToken);

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        await store.DeleteAsync(cancellationToken);
        connectivity.Reset();
    }

    private async Task<ConnectionResult> AskAsync(string username, string token, bool save, CancellationToken cancellationToken)
    {
        DiscogsIdentity identity;
        try
        {
            // A real account always means Discogs itself, even while the demo is the saved account.
            using (store.Try(username, token, options.Value.BaseUrl))
            {
                identity = await services.GetRequiredService<DiscogsClient>().GetIdentityAsync(cancellationToken);
            }
        }
        catch (DiscogsAuthenticationException e)
        {
            return new(false, $"Discogs rejected the token: {e.Message}");
        }
        catch (DiscogsApiException e)
        {
            // "Discogs unreachable: ...", "Discogs answered 502: ...": already in words for people.
            return new(false, e.Message);
        }

        if (!string.Equals(identity.Username, username, StringComparison.OrdinalIgnoreCase))
        {
            return new(false, $"That token belongs to the Discogs user “{identity.Username}”, not “{username}”.");
        }

        if (save)
        {
            if (demo.IsActive)
            {
                await demo.LeaveAsync(cancellationToken);
            }

            await store.SaveAsync(identity.Username, token, baseUrl: null, cancellationToken);
            limiter.UseWindow(options.Value.Window);
            connectivity.Reset();
        }

        return new(true, $"Connected as {identity.Username}");
    }
}
