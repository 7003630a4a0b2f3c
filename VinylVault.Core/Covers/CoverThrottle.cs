using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Covers;

/// <summary>
/// The image lane's politeness budget: at most MaxRequestsPerMinute downloads in any moving window, and a hold of
/// the whole lane when the image host answers 429. System.Threading.RateLimiting's sliding window hands a permit
/// back when its segment leaves the window, which may be up to one segment early; so the limiter's window is one
/// segment longer than the configured one, and no window of the configured length ever sees more than the limit.
/// A quarter of the budget is kept for covers someone is looking at: the prefetch waits while only that is left.
/// </summary>
public sealed class CoverThrottle : IDisposable
{
    private const int Segments = 40;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private SlidingWindowRateLimiter _limiter;
    private DateTimeOffset _holdUntil;

    public CoverThrottle(IOptions<CoverOptions> options, TimeProvider time)
    {
        _time = time;
        _limit = options.Value.MaxRequestsPerMinute;
        _limiter = Create(options.Value.Window);
        Window = options.Value.Window;
    }

    public TimeSpan Window { get; private set; }

    private int Reserve => Math.Max(1, _limit / 4);

    /// <summary>Counts in another window from now on (the demo's simulator has a shorter "minute").</summary>
    public void UseWindow(TimeSpan window)
    {
        SlidingWindowRateLimiter old;
        lock (_gate)
        {
            if (window == Window)
            {
                return;
            }

            (old, _limiter, Window) = (_limiter, Create(window), window);
        }

        old.Dispose();
    }

    /// <summary>Waits for the end of a hold (429), then for a permit of the moving window.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = HoldLeft();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }

            SlidingWindowRateLimiter limiter;
            lock (_gate)
            {
                limiter = _limiter;
            }

            try
            {
                using var lease = await limiter.AcquireAsync(1, cancellationToken);
                if (lease.IsAcquired && HoldLeft() <= TimeSpan.Zero)
                {
                    return;
                }
            }
            catch (ObjectDisposedException)
            {
                // The window changed while waiting: ask the new limiter.
            }
        }
    }

    /// <summary>Whether the prefetch may take a permit now without eating into what is kept for shown covers.</summary>
    public bool PrefetchMayGo()
    {
        lock (_gate)
        {
            return HoldLeft() <= TimeSpan.Zero && (_limiter.GetStatistics()?.CurrentAvailablePermits ?? 0) > Reserve;
        }
    }

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

    public void Dispose() => _limiter.Dispose();

    private TimeSpan HoldLeft()
    {
        lock (_gate)
        {
            return _holdUntil - _time.GetUtcNow();
        }
    }

    private SlidingWindowRateLimiter Create(TimeSpan window) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = _limit,
        SegmentsPerWindow = Segments,
        Window = window * Segments / (Segments - 1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
