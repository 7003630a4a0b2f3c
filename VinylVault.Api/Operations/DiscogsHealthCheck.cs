using Microsoft.Extensions.Diagnostics.HealthChecks;
using VinylVault.Core.Discogs;

namespace VinylVault.Api.Operations;

/// <summary>Discogs unreachable is Degraded, never Unhealthy: everything local keeps working without it.</summary>
internal sealed class DiscogsHealthCheck(IDiscogsAccount account, DiscogsConnectivity connectivity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (account.Token is null)
        {
            return HealthCheckResult.Healthy("No Discogs account is set up yet.");
        }

        // Asks Discogs only when nothing has been heard from it for a while (probes must not eat the rate budget).
        var reachability = await connectivity.CheckAsync(cancellationToken);
        return reachability.Online
            ? HealthCheckResult.Healthy("Discogs answers.")
            : HealthCheckResult.Degraded(reachability.Problem);
    }
}
