using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync;

/// <summary>
/// Every Sync:QuickCheckSeconds, while no sync runs, Discogs is not known to be away and a first sync has completed
/// (the first one is the owner's to start), runs a <see cref="QuickCheck"/>; a change starts an incremental sync.
/// Each check is summed in the <see cref="QuickCheckLog"/>.
/// </summary>
internal sealed class QuickCheckWorker(
    IServiceProvider services,
    SyncWorker sync,
    QuickCheckLog log,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<QuickCheckWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.QuickCheckInterval is not { } every)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(every, time, stoppingToken);
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One check, unless there is no point now; true when it found a change and started a sync.</summary>
    internal async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        if (!sync.IsConfigured || sync.IsRunning || RecentlyUnreachable())
        {
            return false;
        }

        try
        {
            await using var scope = services.CreateAsyncScope();
            if ((await scope.ServiceProvider.GetRequiredService<SyncRunLog>().LastRunsAsync(cancellationToken)).LastCompleted is null)
            {
                return false;
            }

            var check = await scope.ServiceProvider.GetRequiredService<QuickCheck>().RunAsync(cancellationToken);
            var started = check.Changed && sync.TryStart(new SyncRequest(false, SyncTrigger.QuickCheck)) == SyncStartResult.Started;
            log.Record(check.Requests, check.Changed);
            if (check.Changed)
            {
                logger.LogInformation("Quick check: the collection changed on Discogs ({Reason}); {Action}", check.Reason, started ? "syncing" : "a sync is already running");
            }

            return started;
        }
        catch (Exception ex) when (ex is DiscogsApiException or HttpRequestException)
        {
            logger.LogWarning("Quick check could not ask Discogs: {Reason}", ex.Message);
            return false;
        }
    }

    // Discogs was away moments ago: wait for the next check rather than spend a request to hear it again.
    private bool RecentlyUnreachable() =>
        services.GetService<DiscogsConnectivity>()?.Last is { Online: false } last && time.GetUtcNow() - last.At < DiscogsConnectivity.FreshFor;
}
