using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Sync;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Covers;

/// <summary>
/// The cover download lane: Images:MaxConcurrentDownloads workers behind the <see cref="CoverThrottle"/>, fed by
/// covers someone is looking at first (<see cref="GetAsync"/>), then by the prefetch planner (CoverLane.Planner.cs).
/// It never waits for the sync and the sync never waits for it; the work list lives in the database, so a restart
/// continues where the last run stopped.
/// </summary>
public sealed partial class CoverLane(
    CoverStore store, CoverLedger ledger, CoverDownloader downloader, CoverThrottle throttle, CoverEviction eviction,
    SyncProgress progress, IOptions<CoverOptions> options, VaultMetrics metrics, TimeProvider time, ILogger<CoverLane> logger)
    : BackgroundService
{
    /// <summary>How long a request for a cover waits for it to be fetched through.</summary>
    public static readonly TimeSpan FetchThroughWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(long, string), TaskCompletionSource<CachedCover?>> _pending = new();
    private readonly Channel<CoverWork> _urgent = Channel.CreateUnbounded<CoverWork>();
    private readonly Channel<CoverWork> _prefetch = Channel.CreateBounded<CoverWork>(options.Value.MaxConcurrentDownloads);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _cleanUpDue;

    /// <summary>Covers waiting for or in a download.</summary>
    public int Queued => _pending.Count;

    /// <summary>Raised after every download (on the lane's thread: do not block).</summary>
    public event Action? Changed;

    public Task<CoverStats> StatsAsync(CancellationToken cancellationToken) => ledger.StatsAsync(Queued, cancellationToken);

    /// <summary>The cached image, or fetched through once (ahead of the prefetch) when it can be; null when it cannot be had.</summary>
    public async Task<CachedCover?> GetAsync(long releaseId, string kind, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        if (await ledger.SourceUrlAsync(releaseId, kind, cancellationToken) is not { } url)
        {
            return null;
        }

        if (store.TryGet(releaseId, kind, out var cached) && File.Exists(cached.Path))
        {
            return cached;
        }

        var row = await ledger.FindAsync(releaseId, kind, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (row is not null && row.SourceUrl == url && (row.State == CoverState.Refused || (row.State == CoverState.Failed && row.RetryAtMs > now)))
        {
            return null;
        }

        var work = new CoverWork(releaseId, kind, url);
        var pending = Track(work);
        _urgent.Writer.TryWrite(work);
        try
        {
            return await pending.Task.WaitAsync(FetchThroughWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var lost = store.Load(await ledger.CachedRowsAsync(stoppingToken));
        await ledger.DeleteAsync(lost, stoppingToken);
        metrics.CoverCache(() => (store.Bytes, store.Files));
        _ready.TrySetResult();
        using var subscription = progress.Subscribe(OnSync);
        var tasks = Enumerable.Range(0, options.Value.MaxConcurrentDownloads).Select(_ => WorkAsync(stoppingToken)).ToList();
        tasks.Add(PlanAsync(stoppingToken));
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await ledger.TouchAsync(store.TakeServed(), CancellationToken.None);
        }
    }

    // The page pass is done (the records are in the database) or a run ended: there may be new covers to fetch.
    private void OnSync(SyncStatus status, bool isFinal)
    {
        if (isFinal && status.Status == SyncState.Completed)
        {
            _cleanUpDue = true;
        }

        if (isFinal || status.Phase == SyncPhase.Details)
        {
            Signal();
        }
    }

    private void Signal() => _signal.Writer.TryWrite(true);

    /// <summary>Registers <paramref name="work"/> as pending (or joins the download already pending for it).</summary>
    private TaskCompletionSource<CachedCover?> Track(CoverWork work) =>
        _pending.GetOrAdd((work.ReleaseId, work.Kind), _ => new TaskCompletionSource<CachedCover?>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        Task<bool>? urgentWaiting = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_urgent.Reader.TryRead(out var work) || (throttle.PrefetchMayGo() && _prefetch.Reader.TryRead(out work)))
            {
                await RunAsync(work, stoppingToken);
                continue;
            }

            urgentWaiting ??= _urgent.Reader.WaitToReadAsync(stoppingToken).AsTask();
            var other = throttle.PrefetchMayGo()
                ? _prefetch.Reader.WaitToReadAsync(stoppingToken).AsTask()
                : Task.Delay(throttle.Step, time, stoppingToken);
            if (await Task.WhenAny(urgentWaiting, other) == urgentWaiting)
            {
                urgentWaiting = null;
            }
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task RunAsync(CoverWork work, CancellationToken stoppingToken)
    {
        var key = (work.ReleaseId, work.Kind);
        if (!_pending.TryGetValue(key, out var pending) || pending.Task.IsCompleted)
        {
            return; // asked for twice (shown while queued for the prefetch): already done
        }

        CachedCover? result = null;
        try
        {
            // Listed again by the planner just as its download finished: nothing to do.
            result = store.Has(work.ReleaseId, work.Kind, work.Url) && store.TryGet(work.ReleaseId, work.Kind, out var done)
                ? done
                : await DownloadAsync(work, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Cover {Kind} of release {ReleaseId}: unexpected error", work.Kind, work.ReleaseId);
        }
        finally
        {
            _pending.TryRemove(key, out _);
            pending.TrySetResult(result);
            Signal();
            Changed?.Invoke();
        }
    }

    private async Task<CachedCover?> DownloadAsync(CoverWork work, CancellationToken stoppingToken)
    {
        using var download = await downloader.FetchAsync(work.Url, stoppingToken);
        metrics.CoverDownload(download.Outcome.ToString().ToLowerInvariant());
        switch (download.Outcome)
        {
            case DownloadOutcome.Cached:
                var cover = await store.WriteAsync(work.ReleaseId, work.Kind, work.Url, download.Data!, download.Length, download.ContentType!, stoppingToken);
                await ledger.RecordAsync(work, CoverState.Cached, r => (r.ContentType, r.Bytes, r.ETag, r.Attempts) = (cover.ContentType, cover.Bytes, cover.ETag, 0), stoppingToken);
                await eviction.KeepUnderCapAsync(stoppingToken);
                return cover;
            case DownloadOutcome.Refused:
                logger.LogWarning("Cover {Kind} of release {ReleaseId} refused: {Reason}", work.Kind, work.ReleaseId, download.Reason);
                store.Remove(work.ReleaseId, work.Kind);
                await ledger.RecordAsync(work, CoverState.Refused, r => (r.Bytes, r.Error) = (0, download.Reason), stoppingToken);
                return null;
            default:
                logger.LogInformation("Cover {Kind} of release {ReleaseId} not fetched, tried again later: {Reason}", work.Kind, work.ReleaseId, download.Reason);
                await ledger.RecordAsync(work, CoverState.Failed, r =>
                {
                    r.Attempts++;
                    r.Error = download.Reason;
                    r.RetryAtMs = (time.GetUtcNow() + Backoff(r.Attempts)).ToUnixTimeMilliseconds();
                }, stoppingToken);
                return null;
        }
    }

    /// <summary>A window after the first failure, doubling, at most 360 windows (six hours at Discogs' minute).</summary>
    private TimeSpan Backoff(int attempts) => throttle.Window * Math.Min(360, Math.Pow(2, Math.Min(attempts - 1, 20)));
}
