using Microsoft.Extensions.Diagnostics.HealthChecks;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Operations;

internal sealed class SyncWorkerHealthCheck(SyncWorker worker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(worker.IsAlive
            ? HealthCheckResult.Healthy(worker.IsRunning ? "The sync worker is running a sync." : "The sync worker is waiting for work.")
            : HealthCheckResult.Unhealthy("The sync worker has stopped: no sync can run until the app restarts."));
}
