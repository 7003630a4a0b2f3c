using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Security;

namespace VinylVault.Api.Auth;

/// <summary>
/// Counts failed sign-ins per client address: after Auth:FailedSignInLimit failures within the window, every
/// attempt from that address is refused, right or wrong, until the window passes. Successful sign-ins cost nothing.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedSignInLimit,
            Window = TimeSpan.FromSeconds(options.Value.FailedSignInWindowSeconds),
            QueueLimit = 0,
        }));

    public bool IsLockedOut(HttpContext context) =>
        _failures.GetStatistics(Client(context))?.CurrentAvailablePermits <= 0;

    public void RecordFailure(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(Client(context));
    }

    public void Dispose() => _failures.Dispose();

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
