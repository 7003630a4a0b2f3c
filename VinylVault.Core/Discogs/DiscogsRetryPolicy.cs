using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Extensions.Http;

namespace VinylVault.Core.Discogs;

/// <summary>
/// Retries of transient failures (network, timeout, 5xx, 408) and 429, outside the rate limiter so that every
/// retry pays a permit. 401/403/404 are final.
/// </summary>
/// <remarks>
/// Polly decides whether to retry and how long to wait (exponential backoff with jitter, capped, or the server's
/// Retry-After), but does not sleep: Polly 7 sleeps on its own clock and could not be cancelled by the caller's
/// token here. Instead the moment is stamped on the request's Polly context and the rate-limit handler waits for it
/// on the TimeProvider. A 429 also makes the limiter hold the whole process (see DiscogsRateLimiter).
/// </remarks>
internal sealed partial class DiscogsRetryPolicy
{
    private const string NotBeforeKey = "VinylVault.Discogs.RetryNotBefore";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    public DiscogsRetryPolicy(IOptions<DiscogsOptions> options, TimeProvider time)
    {
        Policy = HttpPolicyExtensions.HandleTransientHttpError()
            .Or<TimeoutException>()
            .OrResult(response => response.StatusCode == HttpStatusCode.TooManyRequests)
            .WaitAndRetryAsync(
                options.Value.MaxRetries,
                _ => TimeSpan.Zero,
                (outcome, _, attempt, context) =>
                {
                    var now = time.GetUtcNow();
                    context[NotBeforeKey] = now + Delay(attempt, outcome.Result, now);
                    return Task.CompletedTask;
                });
    }

    public IAsyncPolicy<HttpResponseMessage> Policy { get; }

    /// <summary>
    /// Adding a copy and creating a folder are the writes a resend would double (a second copy, a second folder):
    /// when their answer is lost the outbox must look before it sends again, so they are never retried here.
    /// </summary>
    public IAsyncPolicy<HttpResponseMessage> For(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri is { } uri && NotIdempotent().IsMatch(uri.AbsolutePath)
            ? Polly.Policy.NoOpAsync<HttpResponseMessage>()
            : Policy;

    [GeneratedRegex(@"/collection/folders(/\d+/releases/\d+)?/?$")]
    private static partial Regex NotIdempotent();

    internal static TimeSpan Delay(int attempt, HttpResponseMessage? response, DateTimeOffset now)
    {
        if (DiscogsRateLimitHeaders.RetryAfter(response, now) is { } serverSays)
        {
            return serverSays;
        }

        var backoff = FirstBackoff * Math.Pow(2, Math.Min(attempt - 1, 10));
        if (backoff > LongestBackoff)
        {
            backoff = LongestBackoff;
        }

        // Half fixed, half random, so that callers that failed together do not come back together.
        return backoff / 2 + backoff / 2 * Random.Shared.NextDouble();
    }

    internal static Task WaitForBackoffAsync(HttpRequestMessage request, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.GetPolicyExecutionContext() is { } context
            && context.TryGetValue(NotBeforeKey, out var value)
            && value is DateTimeOffset notBefore
            && notBefore - time.GetUtcNow() is var wait
            && wait > TimeSpan.Zero)
        {
            return Task.Delay(wait, time, cancellationToken);
        }

        return Task.CompletedTask;
    }
}
