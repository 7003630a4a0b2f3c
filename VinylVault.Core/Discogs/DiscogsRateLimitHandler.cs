using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Discogs;

/// <summary>
/// Every request to Discogs, and every retry of one, waits here for a permit of the one process-wide
/// <see cref="DiscogsRateLimiter"/>. Transient, as IHttpClientFactory rebuilds handlers; the limiter is a singleton.
/// Add it to any client that talks to Discogs hosts.
/// </summary>
public sealed class DiscogsRateLimitHandler(DiscogsRateLimiter limiter, TimeProvider time, VaultMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await DiscogsRetryPolicy.WaitForBackoffAsync(request, time, cancellationToken);
        var permit = await limiter.AcquireAsync(cancellationToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        finally
        {
            limiter.Complete(permit, response);
            metrics.DiscogsRequest(response is null ? 0 : (int)response.StatusCode);
        }
    }
}
