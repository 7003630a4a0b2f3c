using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Value;

namespace VinylVault.Core.Sync;

/// <summary>
/// Owns sync runs: at most one at a time, started by a person (<see cref="TryStart(bool)"/>) or by the
/// Sync:AutoSyncHours schedule, cancelled by <see cref="TryCancel"/>. A singleton and a hosted service: REST, the
/// hub and the UI call it; the host runs its loop. Nothing runs unless asked, so tests decide when a run happens.
/// </summary>
public sealed partial class SyncWorker(
    IServiceProvider services,
    SyncRunLog log,
    VaultMetrics metrics,
    IDiscogsAccount account,
    SyncProgress progress,
    IOptions<SyncOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<SyncWorker> logger) : BackgroundService
{
    // Longer delays than a timer takes are waited for in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Channel<SyncRequest> _requests = Channel.CreateBounded<SyncRequest>(1);
    private readonly SyncSchedule _schedule = new(time.GetUtcNow().UtcDateTime);
    private bool _resume;
    private CancellationTokenSource? _run;
    private bool _changingHeld;
    private TaskCompletionSource _idle = Completed();

    /// <summary>The current run's status, or the last run's final one.</summary>
    public SyncStatus Status => progress.Current;

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _run is not null;
            }
        }
    }

    /// <summary>For health checks: the loop that runs syncs is up.</summary>
    public bool IsAlive => ExecuteTask is { IsCompleted: false };

    /// <summary>Whether a Discogs token is set: without one a run cannot start (the username can come from the token).</summary>
    public bool IsConfigured => account.Token is not null;

    /// <summary>Starts a run unless one is active or no token is set; the run goes on in the background.</summary>
    public SyncStartResult TryStart(bool forceFull) => TryStart(new SyncRequest(forceFull, SyncTrigger.Manual));

    /// <summary>Asks the running sync to stop; it stops within about a second, keeping what was written.</summary>
    public SyncCancelResult TryCancel()
    {
        lock (_gate)
        {
            if (_run is null || _changingHeld)
            {
                return SyncCancelResult.NothingRunning;
            }

            _run.Cancel();
            progress.Report(progress.Current with { Status = SyncState.Cancelling, Message = "Cancelling..." });
            return SyncCancelResult.Cancelling;
        }
    }

    /// <summary>Completes when no run is active (at once if none is).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Starts a run for whoever asked (a person, the schedule, a quick check), unless one is active or no token is set.</summary>
    public SyncStartResult TryStart(SyncRequest request)
    {
        if (!IsConfigured)
        {
            return SyncStartResult.NotConfigured;
        }

        lock (_gate)
        {
            if (_run is not null)
            {
                return SyncStartResult.AlreadyRunning;
            }

            _run = new CancellationTokenSource();
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Writer.TryWrite(request);
            progress.Report(new SyncStatus
            {
                Status = SyncState.Syncing,
                Phase = SyncPhase.Pages,
                ForceFull = request.ForceFull,
                StartedAt = time.GetUtcNow(),
                Message = "Starting...",
            });
            return SyncStartResult.Started;
        }
    }

    /// <summary>Before the loop starts, runs left "running" by a process that died are marked, so the history is true at once.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var interrupted = await log.MarkInterruptedAsync(cancellationToken);
        await services.GetRequiredService<HeldRemovals>().LoadAsync(cancellationToken);
        metrics.CollectionSize(await log.CollectionSizeAsync(cancellationToken));
        await services.GetRequiredService<ValueSnapshots>().LoadAsync(cancellationToken);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} sync run(s) were interrupted by a stop of the app", interrupted);
        }

        _resume = options.Value.ResumeInterrupted && await log.LastWasInterruptedAsync(cancellationToken);

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resuming = _resume ? ResumeAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SyncRequest? request;
                try
                {
                    request = await NextRequestAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The history could not be read (the database busy or broken): the loop must outlive it.
                    logger.LogError(ex, "Could not work out the next sync; trying again shortly");
                    await Task.Delay(RetryDelay, time, stoppingToken);
                    continue;
                }

                if (request is not null)
                {
                    await RunAsync(request, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await resuming;
    }

    /// <summary>
    /// The one start at start-up: the interrupted run is finished, a few seconds after the app is ready, unless
    /// someone started a run meanwhile. It finishes what the user already started; it is not a new sync.
    /// </summary>
    private async Task ResumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => ready.TrySetResult()))
            {
                await ready.Task.WaitAsync(stoppingToken);
            }

            await Task.Delay(options.Value.ResumeDelay, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (TryStart(new SyncRequest(false, SyncTrigger.Resume)) == SyncStartResult.Started)
        {
            logger.LogInformation("Resuming the interrupted sync run (Sync:ResumeInterrupted)");
        }
    }

    /// <summary>The next request from a person, or the schedule's when it falls due first (null: look again).</summary>
    private async Task<SyncRequest?> NextRequestAsync(CancellationToken stoppingToken)
    {
        var (completed, finished, failed) = await log.LastRunsAsync(stoppingToken);
        var wait = _schedule.WaitFrom(options.Value.AutoSyncInterval, completed, finished, time.GetUtcNow().UtcDateTime, Math.Max(failed, 1));
        if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
        {
            using var timer = wait == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(wait < LongestWait ? wait : LongestWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, stoppingToken);
            try
            {
                await _requests.Reader.WaitToReadAsync(linked.Token);
                return _requests.Reader.TryRead(out var asked) ? asked : null;
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                if (wait > LongestWait)
                {
                    return null;
                }
            }
        }

        logger.LogInformation("Scheduled sync due ({Hours} h after the last completed one)", options.Value.AutoSyncHours);
        _schedule.Attempted(time.GetUtcNow().UtcDateTime);
        return TryStart(new SyncRequest(false, SyncTrigger.Schedule)) == SyncStartResult.Started && _requests.Reader.TryRead(out var scheduled)
            ? scheduled
            : null;
    }

    private async Task RunAsync(SyncRequest request, CancellationToken stoppingToken)
    {
        CancellationTokenSource run;
        lock (_gate)
        {
            run = _run!;
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Token, stoppingToken);
            await using var scope = services.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<SyncPipeline>();
            await pipeline.RunAsync(request, linked.Token, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The pipeline records its own failures; this is the database itself being unusable.
            logger.LogError(ex, "A sync run could not be recorded");
            var message = StorageErrors.Describe(ex, services.GetRequiredService<VaultDatabase>().DataDirectory, "The sync could not run");
            progress.Report(progress.Current with { Status = SyncState.Failed, Message = message, FinishedAt = time.GetUtcNow() });
        }
        finally
        {
            lock (_gate)
            {
                _run = null;
                run.Dispose();
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
