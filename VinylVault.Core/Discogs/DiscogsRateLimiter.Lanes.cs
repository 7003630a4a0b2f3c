using System.Threading.RateLimiting;

namespace VinylVault.Core.Discogs;

// The interactive lane (DiscogsLane). Sync requests queue in the pool's own FIFO queue; interactive ones queue here,
// and a permit that comes back is handed to the oldest interactive caller before the pool sees it. The permit never
// leaves the log in between, so the lane changes who goes next, never how many go: the window holds as before.
public sealed partial class DiscogsRateLimiter
{
    private readonly LinkedList<TaskCompletionSource<RateLimitLease>> _interactive = new();

    /// <summary>Interactive requests waiting for a permit right now (they go before every queued sync request).</summary>
    public int InteractiveQueued
    {
        get
        {
            lock (_gate)
            {
                return _interactive.Count;
            }
        }
    }

    /// <summary>A free permit at once, else the next one that comes back; Held: the permit was handed over already counted.</summary>
    private async ValueTask<(RateLimitLease Lease, bool Held)> AcquireInteractiveAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
        LinkedListNode<TaskCompletionSource<RateLimitLease>> node;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var free = _permits.AttemptAcquire(1);
            if (free.IsAcquired)
            {
                return (free, false);
            }

            free.Dispose();
            node = _interactive.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
        {
            return (await waiter.Task, true);
        }
    }

    /// <summary>Gives a permit that is due back to the oldest interactive caller; false when none waits.</summary>
    private bool HandToInteractive(RateLimitLease lease)
    {
        // Under _gate. A caller that gave up was removed under the same lock, so the first one left takes it.
        if (_interactive.First is not { } first)
        {
            return false;
        }

        _interactive.RemoveFirst();
        first.Value.SetResult(lease);
        return true;
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<RateLimitLease>> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // already handed a permit: the caller completes the request (or its cancellation) with it
            }

            _interactive.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    private void FailInteractiveWaiters()
    {
        foreach (var waiter in _interactive)
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(DiscogsRateLimiter)));
        }

        _interactive.Clear();
    }
}
