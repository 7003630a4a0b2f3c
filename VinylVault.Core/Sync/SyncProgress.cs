using VinylVault.Core.Sync.Removal;

namespace VinylVault.Core.Sync;

/// <summary>
/// The one publisher of sync progress. The pipeline reports as often as it likes; subscribers (the hub, Blazor
/// components, metrics) hear at most a few updates a second, and always the final one. Handlers must not block:
/// a Blazor component calls InvokeAsync(StateHasChanged); the hub sends without awaiting the pipeline.
/// </summary>
public sealed class SyncProgress(TimeProvider time)
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly List<Action<SyncStatus, bool>> _subscribers = [];
    private long _lastPublished;
    private HeldRemoval? _held;

    public SyncStatus Current { get; private set; } = SyncStatus.Idle;

    /// <summary>Subscribes <paramref name="handler"/>(status, isFinal); dispose the result to unsubscribe.</summary>
    public IDisposable Subscribe(Action<SyncStatus, bool> handler)
    {
        lock (_gate)
        {
            _subscribers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Records <paramref name="status"/>; tells subscribers if it is final, a change of state or phase, or enough time passed.</summary>
    public void Report(SyncStatus status)
    {
        Action<SyncStatus, bool>[] targets;
        var isFinal = !status.IsActive && status.Status != SyncState.Idle;
        lock (_gate)
        {
            var previous = Current;
            // Whoever builds a status, it says whether a removal waits for the owner.
            status = status with { HeldRemoval = _held };
            Current = status;
            var now = time.GetTimestamp();
            var due = time.GetElapsedTime(_lastPublished, now) >= MinInterval;
            if (!isFinal && !due && previous.Status == status.Status && previous.Phase == status.Phase && previous.HeldRemoval == status.HeldRemoval)
            {
                return;
            }

            _lastPublished = now;
            targets = [.. _subscribers];
        }

        foreach (var target in targets)
        {
            target(status, isFinal);
        }
    }

    /// <summary>Sets (or with null clears) the held removal every status carries from now on, and tells subscribers.</summary>
    public void Hold(HeldRemoval? held)
    {
        lock (_gate)
        {
            _held = held;
        }

        Report(Current);
    }

    private sealed class Subscription(SyncProgress owner, Action<SyncStatus, bool> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._subscribers.Remove(handler);
            }
        }
    }
}
