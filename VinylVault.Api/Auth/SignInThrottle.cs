using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// Two budgets of failed sign-ins. Per client (the address, or a known device's id): after Auth:FailedSignInLimit
/// failures within the window every attempt from it is refused, right or wrong, until the window passes. Per account
/// (all clients together): past Auth:FailedSignInAccountLimit failures, each further failure makes the next attempt
/// wait twice as long as the last (Auth:FailedSignInDelaySeconds, then double ... at most the window), except from a
/// known device. A success clears the account's.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider time) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedSignInLimit,
            Window = TimeSpan.FromSeconds(options.Value.FailedSignInWindowSeconds),
            QueueLimit = 0,
        }));

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _accountFailures = new();
    private DateTimeOffset _accountOpensAt;

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.FailedSignInWindowSeconds);

    public bool IsLockedOut(HttpContext context, string? device)
    {
        if (_failures.GetStatistics(Client(context, device))?.CurrentAvailablePermits <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            return device is null && time.GetUtcNow() < _accountOpensAt;
        }
    }

    public void RecordFailure(HttpContext context, string? device)
    {
        using var lease = _failures.AttemptAcquire(Client(context, device));
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_accountFailures.TryPeek(out var oldest) && now - oldest >= Window)
            {
                _accountFailures.Dequeue();
            }

            _accountFailures.Enqueue(now);
            var over = _accountFailures.Count - options.Value.FailedSignInAccountLimit;
            if (over > 0)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(options.Value.FailedSignInDelaySeconds * Math.Pow(2, Math.Min(over - 1, 30)), Window.TotalSeconds));
                _accountOpensAt = now + delay;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _accountFailures.Clear();
            _accountOpensAt = default;
        }
    }

    public void Dispose() => _failures.Dispose();

    // RemoteIpAddress is the forwarded client only when the request came through one of Auth:KnownProxies.
    private static string Client(HttpContext context, string? device) =>
        device is not null ? "device:" + device : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
