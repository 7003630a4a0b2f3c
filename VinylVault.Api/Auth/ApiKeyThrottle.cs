using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// Wrong API keys cost something: after Auth:FailedApiKeyLimit of them from one address within the window, that
/// address gets 429 for every key, right or wrong, until the window passes. They are logged in aggregate, one
/// warning per address per minute at most, so a flood of guesses cannot flood the log.
/// </summary>
internal sealed class ApiKeyThrottle(IOptions<AuthOptions> options, TimeProvider time, ILogger<ApiKeyThrottle> logger) : IDisposable
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);
    private const int MaxTrackedSources = 10_000;

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(source =>
        RateLimitPartition.GetFixedWindowLimiter(source, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedApiKeyLimit,
            Window = TimeSpan.FromSeconds(options.Value.FailedApiKeyWindowSeconds),
            QueueLimit = 0,
        }));

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Tally> _tallies = [];

    private sealed class Tally
    {
        public DateTimeOffset LastReport { get; set; } = DateTimeOffset.MinValue;
        public int Unreported { get; set; }
    }

    public TimeSpan RetryAfter => TimeSpan.FromSeconds(options.Value.FailedApiKeyWindowSeconds);

    public bool IsThrottled(HttpContext context) => _failures.GetStatistics(Source(context))?.CurrentAvailablePermits <= 0;

    public void RecordFailure(HttpContext context)
    {
        var source = Source(context);
        using var lease = _failures.AttemptAcquire(source);
        int count;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_tallies.Count >= MaxTrackedSources)
            {
                foreach (var stale in _tallies.Where(t => now - t.Value.LastReport >= ReportInterval).Select(t => t.Key).ToList())
                {
                    _tallies.Remove(stale);
                }
            }

            if (!_tallies.TryGetValue(source, out var tally))
            {
                _tallies[source] = tally = new Tally();
            }

            tally.Unreported++;
            if (now - tally.LastReport < ReportInterval)
            {
                return;
            }

            (count, tally.Unreported, tally.LastReport) = (tally.Unreported, 0, now);
        }

        logger.LogWarning("{Count} request(s) with a wrong API key from {Source} (reported at most once a minute per address)", count, source);
    }

    public void Dispose() => _failures.Dispose();

    private static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
