using System.Net;
using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

public enum SimulatedFault
{
    /// <summary>A JSON error answer with a 5xx (or any) status.</summary>
    Status,
    /// <summary>An nginx-style "502 Bad Gateway" HTML page.</summary>
    HtmlBadGateway,
    /// <summary>200 with a JSON body cut off half way.</summary>
    MalformedJson,
    /// <summary>No answer for <see cref="SimulatorFaults.HangDuration"/>: longer than any client waits.</summary>
    Timeout,
}

/// <summary>One fault the simulator plays for a request.</summary>
public sealed record FaultPlan(SimulatedFault Kind, HttpStatusCode Status = HttpStatusCode.ServiceUnavailable, TimeSpan? RetryAfter = null);

/// <summary>
/// Switches a test flips at runtime to make the simulated Discogs misbehave. Random faults draw from a generator
/// seeded with the simulator's seed, so a sequential test sees the same faults on every run.
/// </summary>
public sealed class SimulatorFaults
{
    private static readonly HttpStatusCode[] ServerErrors =
        [HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _seed;
    private readonly Queue<FaultPlan> _scripted = new();
    private readonly HashSet<long> _missingReleases = [];
    private SeededRandom _random;
    private DateTimeOffset _stormUntil;
    private int _dropsAfterWrite;
    private TimeSpan? _stormRetryAfter;

    internal SimulatorFaults(TimeProvider time, int seed)
    {
        _time = time;
        _seed = seed;
        _random = SeededRandom.For(seed, 0, salt: 23);
    }

    /// <summary>0..1: share of answers that are a JSON 500, 502, 503 or 504.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>0..1: share of answers that are an HTML 502 page.</summary>
    public double HtmlErrorRate { get; set; }

    /// <summary>0..1: share of 200 answers whose JSON is cut off.</summary>
    public double MalformedJsonRate { get; set; }

    /// <summary>0..1: share of requests that get no answer for <see cref="HangDuration"/>.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>How long a timed-out request hangs before a 504; meant to outlast the client's timeout.</summary>
    public TimeSpan HangDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Added before every answer: a slow Discogs.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>0..1: share of collection pages that hold fewer than per_page items (the listing gets more pages).</summary>
    public double ShortPageRate { get; set; }

    /// <summary>Every request answers 500 until switched off.</summary>
    public bool PermanentServerError { get; set; }

    public bool StormActive => _time.GetUtcNow() < _stormUntil;

    /// <summary>Discogs is down: every connection is dropped before anything is read or counted.</summary>
    public bool Unreachable { get; set; }

    /// <summary>Discogs answers every read but refuses writes with 503, as during its read-only maintenance.</summary>
    public bool WritesUnavailable { get; set; }

    /// <summary>
    /// The wantlist lists only its first N wants, with pagination to match (a Discogs incident, a truncated answer):
    /// a client cannot tell it from a wantlist that shrank. Null: the whole wantlist.
    /// </summary>
    public int? WantsListed { get; set; }

    /// <summary>The next <paramref name="count"/> writes are applied, then their connection is dropped: the client never hears the answer.</summary>
    public void DropAfterWrite(int count = 1) => Interlocked.Add(ref _dropsAfterWrite, count);

    internal bool TakeDropAfterWrite()
    {
        var left = Volatile.Read(ref _dropsAfterWrite);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _dropsAfterWrite, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }

    /// <summary>Every request answers 429 for <paramref name="duration"/>, with Retry-After when given.</summary>
    public void RateLimitStorm(TimeSpan duration, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            (_stormUntil, _stormRetryAfter) = (_time.GetUtcNow() + duration, retryAfter);
        }
    }

    /// <summary>The next <paramref name="count"/> requests answer with a JSON error of <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, TimeSpan? retryAfter = null) =>
        FailNext(count, new FaultPlan(SimulatedFault.Status, status, retryAfter));

    public void FailNext(int count, SimulatedFault kind) => FailNext(count, new FaultPlan(kind));

    public void FailNext(int count, FaultPlan plan)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scripted.Enqueue(plan);
            }
        }
    }

    /// <summary>GET /releases/{id} answers 404 "Release not found." for these ids.</summary>
    public void HideReleases(params long[] releaseIds)
    {
        lock (_gate)
        {
            _missingReleases.UnionWith(releaseIds);
        }
    }

    public bool IsHidden(long releaseId)
    {
        lock (_gate)
        {
            return _missingReleases.Contains(releaseId);
        }
    }

    /// <summary>Everything off, the random sequence restarted.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            (ServerErrorRate, HtmlErrorRate, MalformedJsonRate, TimeoutRate, ShortPageRate) = (0, 0, 0, 0, 0);
            (Latency, HangDuration, PermanentServerError, Unreachable, WritesUnavailable) = (TimeSpan.Zero, TimeSpan.FromMinutes(2), false, false, false);
            (_dropsAfterWrite, WantsListed) = (0, null);
            (_stormUntil, _stormRetryAfter) = (default, null);
            _scripted.Clear();
            _missingReleases.Clear();
            _random = SeededRandom.For(_seed, 0, salt: 23);
        }
    }

    internal TimeSpan? StormRetryAfter()
    {
        lock (_gate)
        {
            return _time.GetUtcNow() < _stormUntil ? _stormRetryAfter ?? TimeSpan.Zero : null;
        }
    }

    /// <summary>The fault for this request, if any: scripted first, then the permanent switch, then the random rates.</summary>
    internal FaultPlan? Next()
    {
        lock (_gate)
        {
            if (_scripted.TryDequeue(out var plan))
            {
                return plan;
            }

            if (PermanentServerError)
            {
                return new FaultPlan(SimulatedFault.Status, HttpStatusCode.InternalServerError);
            }

            // One draw per switch, always in the same order, so the sequence does not depend on which switches are on.
            var (timeout, html, error, malformed, status) =
                (_random.NextDouble(), _random.NextDouble(), _random.NextDouble(), _random.NextDouble(), _random.Next(4));
            return timeout < TimeoutRate ? new FaultPlan(SimulatedFault.Timeout)
                : html < HtmlErrorRate ? new FaultPlan(SimulatedFault.HtmlBadGateway, HttpStatusCode.BadGateway)
                : error < ServerErrorRate ? new FaultPlan(SimulatedFault.Status, ServerErrors[status])
                : malformed < MalformedJsonRate ? new FaultPlan(SimulatedFault.MalformedJson)
                : null;
        }
    }
}
