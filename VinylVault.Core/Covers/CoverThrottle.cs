using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Covers;

/// <summary>
/// The image lane's politeness budget: at most MaxRequestsPerMinute downloads in any moving window, counted the way
/// an image host counts them (at arrival), and a hold of the whole lane when the image host answers 429.
/// </summary>
/// <remarks>
/// Like the Discogs limiter: a pool of Limit permits, each held from before its request is sent until one window
/// after its answer came. The host counted the request on arrival, before answering, so however long a request was
/// delayed on its way (a busy thread pool, a slow connection) no window of the host's ever sees more than Limit.
/// One permit of each window is kept for a cover someone is looking at: the prefetch waits while only that is left.
/// A bigger reserve would sit unused in every window the prefetch runs (a quarter of the budget made filling the cache
/// take a third longer), and a shown cover is served first anyway (CoverLane's urgent queue).
/// </remarks>
public sealed class CoverThrottle : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly ConcurrencyLimiter _permits;
    private long _windowTicks;
    private DateTimeOffset _holdUntil;

    public CoverThrottle(IOptions<CoverOptions> options, TimeProvider time)
    {
        _time = time;
        _limit = options.Value.MaxRequestsPerMinute;
        _windowTicks = options.Value.Window.Ticks;
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _limit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public TimeSpan Window => TimeSpan.FromTicks(Volatile.Read(ref _windowTicks));

    /// <summary>How long a prefetch worker waits before it looks for a free permit again.</summary>
    public TimeSpan Step => Window / 100;

    private int Reserve => Math.Max(1, _limit / 60);

    /// <summary>Counts in another window from now on (the demo's simulator has a shorter "minute"); permits out come back when they were due.</summary>
    public void UseWindow(TimeSpan window) => Volatile.Write(ref _windowTicks, window.Ticks);

    /// <summary>Waits for the end of a hold (429), then for a permit; hand it to <see cref="GiveBack"/> once the answer came (or the request failed).</summary>
    public async Task<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = HoldLeft();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            var lease = await _permits.AcquireAsync(1, cancellationToken);
            if (lease.IsAcquired && HoldLeft() <= TimeSpan.Zero)
            {
                return lease;
            }

            // A 429 came while this one waited: nothing was sent with the permit, so it goes back at once.
            lease.Dispose();
        }
    }

    /// <summary>The permit comes back to the pool one window after now (the answer's arrival).</summary>
    public void GiveBack(RateLimitLease lease) => _ = GiveBackLaterAsync(lease, _time.GetUtcNow() + Window);

    /// <summary>Whether the prefetch may take a permit now without eating into what is kept for shown covers.</summary>
    public bool PrefetchMayGo() =>
        HoldLeft() <= TimeSpan.Zero && (_permits.GetStatistics()?.CurrentAvailablePermits ?? 0) > Reserve;

    /// <summary>The image host said 429: nobody in the lane sends anything before <paramref name="wait"/> is over.</summary>
    public void Hold(TimeSpan wait)
    {
        var until = _time.GetUtcNow() + wait;
        lock (_gate)
        {
            if (until > _holdUntil)
            {
                _holdUntil = until;
            }
        }
    }

    public void Dispose() => _permits.Dispose();

    private async Task GiveBackLaterAsync(RateLimitLease lease, DateTimeOffset due)
    {
        try
        {
            // A timer may fire a little early (millisecond ticks): the clock decides.
            for (var left = due - _time.GetUtcNow(); left > TimeSpan.Zero; left = due - _time.GetUtcNow())
            {
                await Task.Delay(left + TimeSpan.FromMilliseconds(1), _time);
            }
        }
        finally
        {
            lease.Dispose();
        }
    }

    private TimeSpan HoldLeft()
    {
        lock (_gate)
        {
            return _holdUntil - _time.GetUtcNow();
        }
    }
}
