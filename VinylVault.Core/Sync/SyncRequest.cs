namespace VinylVault.Core.Sync;

/// <summary>A run asked for by a person (REST, UI) or by the schedule.</summary>
public sealed record SyncRequest(bool ForceFull, SyncTrigger Trigger);

/// <summary>The answer to "start a sync": POST /api/sync/start maps these to 202, 409 and a ProblemDetails.</summary>
public enum SyncStartResult { Started, AlreadyRunning, NotConfigured }

/// <summary>The answer to "cancel the sync": 202 or 409.</summary>
public enum SyncCancelResult { Cancelling, NothingRunning }

/// <summary>The answer to "apply (or dismiss) the held removal": 202 with how many copies and wants went, or 409.</summary>
public sealed record RemovalResult(RemovalOutcome Outcome, int Removed = 0, int WantsRemoved = 0)
{
    public static RemovalResult NothingHeld { get; } = new(RemovalOutcome.NothingHeld);
    public static RemovalResult SyncRunning { get; } = new(RemovalOutcome.SyncRunning);

    public static RemovalResult Done(int removed, int wantsRemoved = 0) => new(RemovalOutcome.Done, removed, wantsRemoved);
}

public enum RemovalOutcome { Done, NothingHeld, SyncRunning }
