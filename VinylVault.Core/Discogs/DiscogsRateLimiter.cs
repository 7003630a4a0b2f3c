using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Discogs;

/// <summary>
/// The one Discogs budget of the process: never more than <see cref="Limit"/> requests in any <see cref="Window"/>,
/// counted the way Discogs counts them (a moving window, at arrival), corrected by what the server reports.
/// </summary>
/// <remarks>
/// A sliding log on a pool of <see cref="Limit"/> permits: a request holds a permit from before it is sent until
/// one window after its answer arrived. Discogs counted the request at arrival, before the answer, so every request
/// the server can count in any window still holds a permit, and a window never sees more than Limit of ours. An
/// idle client gets its full burst at once; a busy one runs at exactly Limit per Window.
/// The pool is System.Threading.RateLimiting's ConcurrencyLimiter (FIFO queue, cancellation), because it gives back
/// exactly one permit per lease: the token bucket's manual TryReplenish adds tokens by elapsed real time in
/// .NET 10, so it cannot return one token at a chosen moment, nor run on a TimeProvider.
/// </remarks>
public sealed partial class DiscogsRateLimiter : IDisposable
{
    private readonly ConcurrencyLimiter _permits;
    private readonly TimeProvider _time;
    private readonly VaultMetrics _metrics;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    // Held permits and when each goes back to the pool (requests whose answer came, and phantoms, below).
    private readonly PriorityQueue<RateLimitLease, DateTimeOffset> _returns = new();
    private DateTimeOffset _armedFor = DateTimeOffset.MaxValue;
    private int _held;
    private bool _disposed;
    private long _windowTicks;

    public DiscogsRateLimiter(IOptions<DiscogsOptions> options, TimeProvider time, VaultMetrics metrics, DiscogsSendLog? memory = null)
    {
        _memory = memory;
        Limit = options.Value.MaxRequestsPerMinute;
        _windowTicks = options.Value.Window.Ticks;
        _time = time;
        _metrics = metrics;
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Limit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _timer = time.CreateTimer(static state => ((DiscogsRateLimiter)state!).GiveBackDuePermits(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Restore();
    }

    /// <summary>Requests allowed in any one window.</summary>
    public int Limit { get; }

    /// <summary>The moving window Discogs counts in.</summary>
    public TimeSpan Window => TimeSpan.FromTicks(Volatile.Read(ref _windowTicks));

    /// <summary>
    /// Counts in another window from now on: the demo's built-in simulator counts a shorter minute, so that a demo
    /// sync takes about a minute through this same limiter. Permits already out come back when they were due.
    /// </summary>
    public void UseWindow(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Volatile.Write(ref _windowTicks, window.Ticks);
    }

    /// <summary>Permits out right now: requests in flight or within a window of their answer, plus what the server says others used.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Requests waiting for a permit right now, in either lane.</summary>
    public long Queued => (_permits.GetStatistics()?.CurrentQueuedCount ?? 0) + InteractiveQueued;

    internal async ValueTask<DiscogsPermit> AcquireAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var (lease, held) = DiscogsLane.IsInteractive
            ? await AcquireInteractiveAsync(cancellationToken)
            : (await _permits.AcquireAsync(1, cancellationToken), false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new DiscogsRateLimitException("Too many Discogs requests are waiting for the rate limit.");
        }

        _metrics.RateLimitWait(_time.GetElapsedTime(started));
        lock (_gate)
        {
            _held += held ? 0 : 1;
            _claims++;
            Remember();
            return new DiscogsPermit(lease, Accounted(_time.GetUtcNow()), _claims);
        }
    }

    /// <summary>The request is over (answered, failed or cancelled): its permit goes back one window from now.</summary>
    internal void Complete(DiscogsPermit permit, HttpResponseMessage? response)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _returns.Enqueue(permit.Lease, now + Window);
            if (response is not null)
            {
                Correct(permit, response, now);
            }

            Arm(now);
        }
    }

    /// <summary>
    /// How long until <paramref name="requests"/> more requests can all have been sent, if nothing else spends the
    /// budget; interactive requests waiting now go first, so they count ahead of these.
    /// </summary>
    public TimeSpan EstimateTimeToSend(int requests)
    {
        if (requests <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            requests += _interactive.Count;
            var now = _time.GetUtcNow();
            var start = Later(now, _holdUntil);
            // When each of the Limit permits is next free; after that, each comes back a window after its use.
            var free = new List<DateTimeOffset>(Limit);
            free.AddRange(_returns.UnorderedItems.Select(item => Later(item.Priority, start)));
            free.AddRange(Enumerable.Repeat(now + Window, _held - _returns.Count));
            free.AddRange(Enumerable.Repeat(start, Limit - free.Count));
            free.Sort();
            var last = requests - 1;
            var at = free[last % Limit] + Window * (last / Limit);
            return at > now ? at - now : TimeSpan.Zero;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Remember();
            _timer.Dispose();
            FailInteractiveWaiters();
            while (_returns.TryDequeue(out var lease, out _))
            {
                lease.Dispose();
            }

            _permits.Dispose();
        }
    }

    private void GiveBackDuePermits()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            _armedFor = DateTimeOffset.MaxValue;
            _debt.RemoveAll(until => until <= now);
            while (_returns.TryPeek(out var lease, out var due) && due <= now)
            {
                _returns.Dequeue();
                if (now < _holdUntil)
                {
                    _returns.Enqueue(lease, _holdUntil);
                }
                else if (TakeDebt() is { } until)
                {
                    _returns.Enqueue(lease, until);
                }
                else if (!HandToInteractive(lease))
                {
                    _held--;
                    lease.Dispose();
                }
            }

            Arm(now);
        }
    }

    private void Arm(DateTimeOffset now)
    {
        if (!_returns.TryPeek(out _, out var due) || due >= _armedFor)
        {
            return;
        }

        _armedFor = due;
        // At least a tick, so a timer that fires at once never re-enters from inside Change.
        _timer.Change(due > now ? due - now : TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);
    }

    private RateLimitLease? TryTakeFreePermit()
    {
        var lease = _permits.AttemptAcquire(1);
        if (lease.IsAcquired)
        {
            _held++;
            return lease;
        }

        lease.Dispose();
        return null;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>A permit taken for one request, with what the limiter had accounted for when it was sent.</summary>
internal sealed record DiscogsPermit(RateLimitLease Lease, int AccountedAtSend, long ClaimsAtSend);
