namespace VinylVault.Api.Simulator;

/// <summary>How often one release was asked for: every request, and those answered 200.</summary>
public readonly record struct ReleaseRequestCount(int Requests, int Served);

/// <summary>
/// What the simulator saw, for tests to assert on: answers by endpoint and status, 429s, requests per release id
/// (a double fetch shows as Served &gt; 1), the User-Agents, and the arrival log from which the peak is computed.
/// </summary>
public sealed class SimulatorCounters
{
    // Enough for a sync of 10,000 releases several times over; older arrivals are dropped past it (demo mode runs for days).
    private const int LogCapacity = 250_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<TimeSpan> _window;
    private readonly Dictionary<(string Endpoint, int Status), int> _answers = [];
    private readonly Dictionary<long, ReleaseRequestCount> _releases = [];
    private readonly Dictionary<string, int> _userAgents = new(StringComparer.Ordinal);
    private readonly List<long> _accepted = [];
    private readonly List<long> _arrived = [];
    private readonly List<long> _releasesServed = [];
    private int _tokenInQuery;
    private int _total;

    internal SimulatorCounters(TimeProvider time, Func<TimeSpan> window)
    {
        _time = time;
        _window = window;
    }

    /// <summary>Answers by (endpoint, status). Endpoints: identity, folders, collection, release, search, value, fields, wants, marketplace_stats, image, unknown.</summary>
    public IReadOnlyDictionary<(string Endpoint, int Status), int> Answers => Read(() => new Dictionary<(string, int), int>(_answers));

    public int Requests(string? endpoint = null, int? status = null) => Read(() =>
        _answers.Where(a => (endpoint is null || a.Key.Endpoint == endpoint) && (status is null || a.Key.Status == status)).Sum(a => a.Value));

    /// <summary>Every request answered (all endpoints but images).</summary>
    public int TotalRequests => Read(() => _total);

    public int TooManyRequests => Requests(status: 429);

    public IReadOnlyDictionary<long, ReleaseRequestCount> Releases => Read(() => new Dictionary<long, ReleaseRequestCount>(_releases));

    public ReleaseRequestCount Release(long releaseId) => Read(() => _releases.GetValueOrDefault(releaseId));

    /// <summary>The request log of GET /releases/{id}: the release ids answered 200, in the order they were answered.</summary>
    public IReadOnlyList<long> ReleasesServedInOrder => Read(() => _releasesServed.ToList());

    /// <summary>User-Agent headers seen, with how often ("" when a request sent none).</summary>
    public IReadOnlyDictionary<string, int> UserAgents => Read(() => new Dictionary<string, int>(_userAgents));

    /// <summary>Requests that put the token in the URL (?token=), which VinylVault must never do.</summary>
    public int TokenInQuery => Read(() => _tokenInQuery);

    /// <summary>
    /// The most requests that the rate limit let through in any window of <paramref name="window"/> (default: the
    /// simulator's), computed exactly from the arrival log; with <paramref name="acceptedOnly"/> false, every request
    /// that arrived (refused ones too): what a client sent, whatever the server said.
    /// </summary>
    public int PeakInWindow(TimeSpan? window = null, bool acceptedOnly = true)
    {
        var ticks = SimulatedRateLimit.Ticks(window ?? _window(), _time);
        return Read(() =>
        {
            var log = acceptedOnly ? _accepted : _arrived;
            var (peak, first) = (0, 0);
            for (var last = 0; last < log.Count; last++)
            {
                while (log[last] - log[first] >= ticks)
                {
                    first++;
                }

                peak = Math.Max(peak, last - first + 1);
            }

            return peak;
        });
    }

    /// <summary>Arrival times of the requests the rate limit let through, as offsets from the first one.</summary>
    public IReadOnlyList<TimeSpan> AcceptedArrivals() => Read(() =>
        _accepted.Count == 0 ? [] : _accepted.Select(t => _time.GetElapsedTime(_accepted[0], t)).ToList());

    public void Reset()
    {
        lock (_gate)
        {
            _answers.Clear();
            _releases.Clear();
            _releasesServed.Clear();
            _userAgents.Clear();
            _accepted.Clear();
            _arrived.Clear();
            (_tokenInQuery, _total) = (0, 0);
        }
    }

    internal void Arrived(long timestamp, bool accepted, string userAgent, bool tokenInQuery)
    {
        lock (_gate)
        {
            _total++;
            Append(_arrived, timestamp);
            if (accepted)
            {
                Append(_accepted, timestamp);
            }

            _userAgents[userAgent] = _userAgents.GetValueOrDefault(userAgent) + 1;
            _tokenInQuery += tokenInQuery ? 1 : 0;
        }
    }

    internal void Answered(string endpoint, int status, long? releaseId)
    {
        lock (_gate)
        {
            _answers[(endpoint, status)] = _answers.GetValueOrDefault((endpoint, status)) + 1;
            if (releaseId is { } id)
            {
                var count = _releases.GetValueOrDefault(id);
                _releases[id] = new ReleaseRequestCount(count.Requests + 1, count.Served + (status == 200 ? 1 : 0));
                if (status == 200)
                {
                    Append(_releasesServed, id);
                }
            }
        }
    }

    private static void Append(List<long> log, long timestamp)
    {
        if (log.Count >= LogCapacity)
        {
            log.RemoveRange(0, LogCapacity / 10);
        }

        log.Add(timestamp);
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
