using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync;

/// <summary>
/// Turns a run's counters into the <see cref="SyncStatus"/> everyone sees. The ETA is when the limiter will have let
/// the remaining requests through (its own permits and window, the server's reported budget included), or later when
/// the rate actually achieved is lower (a slow server): not a recent average that a burst at the start would flatter.
/// </summary>
internal sealed class SyncProgressReporter(SyncRunContext run, SyncProgress progress, TimeProvider time, DiscogsRateLimiter limiter)
{
    private readonly Lock _gate = new();
    private readonly long _started = time.GetTimestamp();
    private bool _finished;
    private long _phaseStarted = time.GetTimestamp();
    private SyncPhase _phase = SyncPhase.Pages;

    /// <summary>Releases expected to need details, before the page pass has counted them exactly.</summary>
    public Func<int> EstimatedDetails { get; set; } = () => 0;

    public SyncStatus Current(SyncState state = SyncState.Syncing, string? message = null)
    {
        lock (_gate)
        {
            return Build(state, message);
        }
    }

    /// <summary>Publishes the live status; after <see cref="Finish"/> nothing but the final status goes out.</summary>
    public void Publish()
    {
        lock (_gate)
        {
            if (!_finished)
            {
                progress.Report(Build(run.Cancelled.IsCancellationRequested ? SyncState.Cancelling : SyncState.Syncing, null));
            }
        }
    }

    public void Finish(SyncState state, string? message)
    {
        lock (_gate)
        {
            _finished = true;
            progress.Report(Build(state, message) with { FinishedAt = time.GetUtcNow() });
        }
    }

    private SyncStatus Build(SyncState state, string? message)
    {
        var c = run.Counters;
        if (run.Phase != _phase)
        {
            (_phase, _phaseStarted) = (run.Phase, time.GetTimestamp());
        }

        var details = run.Phase == SyncPhase.Details ? c.DetailsTotal : Math.Max(c.DetailsTotal, EstimatedDetails());
        var detailsDone = c.Fetched + c.NotFound;
        var totalPages = Math.Max(c.TotalPages, c.PagesRead);
        // The wantlist's pages count once their number is known (they are read between the pages and the details).
        var wantPages = Math.Max(c.WantPages, c.WantPagesRead);
        var remaining = Math.Max(0, totalPages - c.PagesRead) + Math.Max(0, details - detailsDone) + (wantPages - c.WantPagesRead);
        var totalRequests = totalPages + details + wantPages;
        var (processed, total) = run.Phase == SyncPhase.Details ? (detailsDone, details) : (c.ItemsWritten, c.TotalItems);
        var phaseSeconds = time.GetElapsedTime(_phaseStarted).TotalSeconds;

        return new SyncStatus
        {
            Status = state,
            Phase = run.Phase,
            ProcessedItems = processed,
            TotalItems = total,
            ProgressPercent = totalRequests == 0 ? 0 : Math.Round(100.0 * (totalRequests - remaining) / totalRequests, 1),
            CurrentPage = c.PagesRead,
            TotalPages = totalPages,
            ItemsPerSecond = phaseSeconds > 0.5 ? Math.Round(processed / phaseSeconds, 2) : 0,
            RequestsMade = c.Requests,
            RateLimitRemaining = limiter.LastRemaining,
            Errors = c.ErrorCount,
            ForceFull = run.Request.ForceFull,
            StartedAt = new DateTimeOffset(run.StartedAt, TimeSpan.Zero),
            EstimatedCompletion = state == SyncState.Syncing ? time.GetUtcNow() + TimeLeft(remaining) : null,
            Message = message,
        };
    }

    private TimeSpan TimeLeft(int remainingRequests)
    {
        var allowed = limiter.EstimateTimeToSend(remainingRequests);
        var seconds = time.GetElapsedTime(_started).TotalSeconds;
        var achieved = run.Counters.Requests / seconds;
        // Measured over a few seconds at least, so the first burst of permits does not count as the pace.
        return seconds >= 5 && achieved > 0 && remainingRequests / achieved > allowed.TotalSeconds
            ? TimeSpan.FromSeconds(remainingRequests / achieved)
            : allowed;
    }
}
