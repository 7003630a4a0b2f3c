namespace VinylVault.Api.Simulator;

/// <summary>What the rate limit said about one request, and the numbers for the X-Discogs-Ratelimit* headers.</summary>
internal readonly record struct RateDecision(bool Allowed, int Limit, int Used, int Remaining);

/// <summary>
/// Discogs' per-IP limit as a true moving window: a request is refused when <see cref="Limit"/> requests already
/// arrived in the last <see cref="Window"/>. Hand-written rather than System.Threading.RateLimiting because the
/// simulator must know every arrival time exactly (SlidingWindowRateLimiter counts in segments, so it would let
/// through bursts that Discogs refuses).
/// </summary>
/// <remarks>
/// Refused requests count too (<see cref="CountRefused"/>, on by default). Discogs does not document it; counting them
/// is the stricter choice: a client that hammers a 429 keeps its window full and stays locked out, exactly the client
/// VinylVault must not be.
/// </remarks>
public sealed class SimulatedRateLimit
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Queue<long> _arrivals = new();
    private int _limit;
    private TimeSpan _window;

    internal SimulatedRateLimit(TimeProvider time, int limit, TimeSpan window, bool countRefused)
    {
        _time = time;
        Configure(limit, window);
        CountRefused = countRefused;
    }

    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    public TimeSpan Window
    {
        get
        {
            lock (_gate)
            {
                return _window;
            }
        }
    }

    /// <summary>Whether a refused request (429) takes a place in the window. Default true: the stricter reading.</summary>
    public bool CountRefused { get; set; }

    /// <summary>Requests (real and phantom) in the window right now.</summary>
    public int Used
    {
        get
        {
            lock (_gate)
            {
                Expire(_time.GetTimestamp());
                return _arrivals.Count;
            }
        }
    }

    /// <summary>Changes the limit and window at runtime; requests already in the window stay.</summary>
    public void Configure(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (_gate)
        {
            (_limit, _window) = (limit, window);
        }
    }

    /// <summary>Another device on the same IP spends <paramref name="requests"/> of the budget now.</summary>
    public void ConsumeBudget(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            for (var i = 0; i < requests; i++)
            {
                _arrivals.Enqueue(now);
            }
        }
    }

    /// <summary>Forgets every request in the window, as Discogs does after a full window of silence.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _arrivals.Clear();
        }
    }

    /// <summary>Admits or refuses a request arriving now, and says when it arrived (a TimeProvider timestamp).</summary>
    internal RateDecision Admit(out long arrival)
    {
        lock (_gate)
        {
            arrival = _time.GetTimestamp();
            Expire(arrival);
            var allowed = _arrivals.Count < _limit;
            if (allowed || CountRefused)
            {
                _arrivals.Enqueue(arrival);
            }

            var used = Math.Min(_arrivals.Count, _limit);
            return new RateDecision(allowed, _limit, used, _limit - used);
        }
    }

    /// <summary>The window in TimeProvider timestamp units.</summary>
    internal static long Ticks(TimeSpan window, TimeProvider time) =>
        (long)((((Int128)window.Ticks * time.TimestampFrequency) + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);

    // An arrival at t counts while now - t < window: a request exactly one window later is free again.
    private void Expire(long now)
    {
        var window = Ticks(_window, _time);
        while (_arrivals.Count > 0 && now - _arrivals.Peek() >= window)
        {
            _arrivals.Dequeue();
        }
    }
}
