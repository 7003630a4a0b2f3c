namespace VinylVault.Core.Sync;

/// <summary>A sync run as the history list and `last_sync` show it.</summary>
public sealed record SyncRunView(
    int Id,
    DateTime StartedAt,
    DateTime? FinishedAt,
    SyncOutcome Outcome,
    SyncTrigger Trigger,
    bool ForceFull,
    int TotalItems,
    int PagesRead,
    int ItemsAdded,
    int ItemsUpdated,
    int ItemsRemoved,
    int ReleasesFetched,
    int ReleasesNotFound,
    int ReleasesRemoved,
    int RequestsMade,
    int ErrorCount,
    IReadOnlyList<string> Errors,
    string? Message)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    public static SyncRunView From(SyncRun run) => new(
        run.Id, run.StartedAt, run.FinishedAt, run.Outcome, run.Trigger, run.ForceFull, run.TotalItems, run.PagesRead,
        run.ItemsAdded, run.ItemsUpdated, run.ItemsRemoved, run.ReleasesFetched, run.ReleasesNotFound, run.ReleasesRemoved,
        run.RequestsMade, run.ErrorCount, run.Errors, run.Message);
}
