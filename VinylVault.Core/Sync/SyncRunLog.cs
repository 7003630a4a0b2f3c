using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Sync;

/// <summary>The sync_runs table: a record opened when a run starts and closed with its outcome and figures.</summary>
public sealed class SyncRunLog(IDbContextFactory<VaultDbContext> contexts)
{
    public async Task<int> OpenAsync(SyncRequest request, DateTime startedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new SyncRun { StartedAt = startedAt, Outcome = SyncOutcome.Running, Trigger = request.Trigger, ForceFull = request.ForceFull };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    internal async Task<SyncRun> CloseAsync(int id, SyncOutcome outcome, string? message, SyncCounters counters, DateTime finishedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.SingleAsync(r => r.Id == id, cancellationToken);
        run.FinishedAt = finishedAt;
        run.Outcome = outcome;
        run.Message = message;
        run.TotalItems = counters.TotalItems;
        run.PagesRead = counters.PagesRead;
        run.ItemsAdded = counters.Added;
        run.ItemsUpdated = counters.Updated;
        run.ItemsRemoved = counters.Removed;
        run.ReleasesRemoved = counters.ReleasesRemoved;
        run.ReleasesFetched = counters.Fetched;
        run.ReleasesNotFound = counters.NotFound;
        run.RequestsMade = counters.Requests;
        run.ErrorCount = counters.ErrorCount;
        run.Errors = [.. counters.Errors];
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Runs still "running" at start-up died with the process: mark them so the history tells the truth.</summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SyncRuns.Where(r => r.Outcome == SyncOutcome.Running).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Outcome, SyncOutcome.Interrupted)
            .SetProperty(r => r.Message, "The app stopped during this run; everything written is kept, and the next run picks up where it left off."), cancellationToken);
    }

    /// <summary>Whether the latest run was interrupted (killed, or stopped with the app): the one a start-up resumes.</summary>
    public async Task<bool> LastWasInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SyncRuns.OrderByDescending(r => r.Id).Select(r => r.Outcome).FirstOrDefaultAsync(cancellationToken) == SyncOutcome.Interrupted;
    }

    /// <summary>
    /// When the last completed run finished, when the last run of any outcome did, and how many failed since the last
    /// completed one (for the schedule and its backoff).
    /// </summary>
    public async Task<(DateTime? LastCompleted, DateTime? LastFinished, int FailedSince)> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var completed = await db.SyncRuns.Where(r => r.Outcome == SyncOutcome.Completed).MaxAsync(r => r.FinishedAt, cancellationToken);
        var finished = await db.SyncRuns.MaxAsync(r => r.FinishedAt, cancellationToken);
        var failed = completed is { } after
            ? await db.SyncRuns.CountAsync(r => r.Outcome == SyncOutcome.Failed && r.FinishedAt > after, cancellationToken)
            : 0;
        return (completed, finished, failed);
    }

    /// <summary>After a run changed many rows: lets SQLite refresh the statistics its query planner uses.</summary>
    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        }
        catch (Exception ex) when (StorageErrors.IsDiskFull(ex))
        {
            // Fresher statistics are a nicety: a full disk must not turn the run's recorded outcome into an exception.
        }
    }

    public async Task<int> CollectionSizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Instances.CountAsync(cancellationToken);
    }
}
