using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Discogs;

/// <summary>Signs every request (and every retry of one) with the token and the User-Agent Discogs requires.</summary>
internal sealed class DiscogsAuthHandler(IDiscogsAccount account, IOptionsMonitor<DiscogsOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A header, never ?token=: query strings end up in logs, traces and error messages. Without a token there
        // is no header at all, and Discogs' 401 becomes a DiscogsAuthenticationException.
        request.Headers.Authorization = account.Token is { } token ? new AuthenticationHeaderValue("Discogs", $"token={token}") : null;
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", options.CurrentValue.UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
