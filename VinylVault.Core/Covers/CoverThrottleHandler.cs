using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Covers;

/// <summary>
/// Inside the retry policy (so every retry pays a permit): waits for the policy's backoff, then for a permit of the
/// lane's throttle, given back a window after the answer; a 429 holds the whole lane. The per-try timeout covers the
/// answer's headers; the downloader times the body.
/// </summary>
internal sealed class CoverThrottleHandler(CoverThrottle throttle, IOptions<DiscogsOptions> discogs, TimeProvider time) : DelegatingHandler
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(discogs.Value.TimeoutSeconds);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await DiscogsRetryPolicy.WaitForBackoffAsync(request, time, cancellationToken);
        var permit = await throttle.AcquireAsync(cancellationToken);
        using var timeout = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"no answer within {_timeout.TotalSeconds:0.###} s"));
        }
        finally
        {
            // The host counted the request when it arrived, before this answer (or failure): a window from now is safe.
            throttle.GiveBack(permit);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var now = time.GetUtcNow();
            throttle.Hold(DiscogsRateLimitHeaders.RetryAfter(response, now) ?? throttle.Window / 10);
        }

        return response;
    }
}
