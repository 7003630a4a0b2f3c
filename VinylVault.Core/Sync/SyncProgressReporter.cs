namespace VinylVault.Core.Sync;

/// <summary>
/// Turns a run's counters into the <see cref="SyncStatus"/> everyone sees. The ETA divides the requests still to
/// make by the rate the limiter allows (Discogs:MaxRequestsPerMinute per window), or by the rate actually achieved
/// when that is lower (a slow server): not by a recent average that a burst at the start would flatter.
/// </summary>
internal sealed class SyncProgressReporter(SyncRunContext run, SyncProgress progress, TimeProvider time, double allowedPerSecond, Func<int?> remainingBudget)
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
                progress.Report(Build(SyncState.Syncing, null));
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
        var remaining = Math.Max(0, totalPages - c.PagesRead) + Math.Max(0, details - detailsDone);
        var totalRequests = totalPages + details;
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
            RateLimitRemaining = remainingBudget(),
            Errors = c.ErrorCount,
            ForceFull = run.Request.ForceFull,
            StartedAt = new DateTimeOffset(run.StartedAt, TimeSpan.Zero),
            EstimatedCompletion = state == SyncState.Syncing ? time.GetUtcNow().AddSeconds(remaining / Rate()) : null,
            Message = message,
        };
    }

    private double Rate()
    {
        var seconds = time.GetElapsedTime(_started).TotalSeconds;
        var achieved = seconds >= 2 ? run.Counters.Requests / seconds : double.MaxValue;
        return Math.Max(0.01, Math.Min(allowedPerSecond, achieved));
    }
}
