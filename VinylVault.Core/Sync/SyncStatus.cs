using VinylVault.Core.Sync.Removal;

namespace VinylVault.Core.Sync;

public enum SyncState { Idle, Syncing, Cancelling, Completed, Cancelled, Failed }

public enum SyncPhase { None, Pages, Details }

/// <summary>
/// The state of the current (or last) sync run: the `sync_status` object of the REST contract (docs/design.md) and the
/// payload of the hub's SyncProgress/SyncCompleted events, plus the live figures the dashboard shows.
/// </summary>
public sealed record SyncStatus
{
    public SyncState Status { get; init; } = SyncState.Idle;
    public SyncPhase Phase { get; init; } = SyncPhase.None;
    public double ProgressPercent { get; init; }
    public int ProcessedItems { get; init; }
    public int TotalItems { get; init; }
    /// <summary>UTC; computed from what remains and the rate the limiter allows.</summary>
    public DateTimeOffset? EstimatedCompletion { get; init; }
    public int CurrentPage { get; init; }
    public int TotalPages { get; init; }
    public double ItemsPerSecond { get; init; }
    public int RequestsMade { get; init; }
    /// <summary>Requests left in Discogs' window, as the server last said.</summary>
    public int? RateLimitRemaining { get; init; }
    public int Errors { get; init; }
    public bool ForceFull { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>A sentence for people: why a run failed, or what it is doing.</summary>
    public string? Message { get; init; }
    /// <summary>Copies a complete pass no longer found but kept, waiting for the owner (Sync:MaxRemovalPercent); null when none.</summary>
    public HeldRemoval? HeldRemoval { get; init; }

    public bool IsActive => Status is SyncState.Syncing or SyncState.Cancelling;

    public static SyncStatus Idle { get; } = new();
}
