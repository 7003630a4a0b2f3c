using System.Globalization;
using System.Text;
using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>What the simulated image host does wrong for one release's images.</summary>
public enum ImageFault
{
    None,
    /// <summary>302 to the same path on another origin (localhost instead of 127.0.0.1, so the same server sees it).</summary>
    RedirectElsewhere,
    /// <summary>200 with an HTML page, labelled image/jpeg.</summary>
    HtmlPage,
    /// <summary>200 with a JPEG header and <see cref="SimulatorImageHost.OversizedBytes"/> bytes, streamed without a length.</summary>
    Oversized,
    /// <summary>200 with a JPEG's first bytes on random garbage.</summary>
    GarbageJpeg,
}

/// <summary>
/// The simulator's image host (free of the API's rate limit, like Discogs' own): fault switches for the cover cache's
/// tests, and counters of what arrived (by Host header, with or without Authorization), how many at once, and the
/// most in any moving window.
/// </summary>
public sealed class SimulatorImageHost(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ImageFault> _faults = [];
    private readonly Dictionary<string, int> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<long> _arrivals = [];
    private readonly List<long> _servedReleases = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]?> _drawn = new(StringComparer.Ordinal);
    private DateTimeOffset _stormUntil;
    private TimeSpan? _stormAhead;
    private TimeSpan? _stormRetryAfter;
    private int _inFlight;
    private int _peakInFlight;
    private int _served;
    private int _withAuthorization;
    private int _tooMany;

    /// <summary>Added before every image answer, so that downloads overlap and the concurrency shows.</summary>
    public TimeSpan Latency { get; set; }

    public int OversizedBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>
    /// Keeps every image drawn, so that it is answered again at wire speed (benchmarks of the cover lane measure the
    /// lane, not the drawing). Off by default: the demo's images are asked for once each, and memory is precious.
    /// </summary>
    public bool KeepDrawn { get; set; }

    public int PeakInFlight => Read(() => _peakInFlight);

    public int Requests => Read(() => _arrivals.Count);

    /// <summary>Images answered 200 with the real picture.</summary>
    public int Served => Read(() => _served);

    /// <summary>The release of each image answered 200, in the order they were answered.</summary>
    public IReadOnlyList<long> ServedReleases() => Read(() => _servedReleases.ToList());

    public int TooManyRequests => Read(() => _tooMany);

    /// <summary>Requests that carried an Authorization header (an image host must never see the Discogs token).</summary>
    public int WithAuthorization => Read(() => _withAuthorization);

    /// <summary>Requests by the Host header they were sent to ("127.0.0.1:5001", "localhost:5001").</summary>
    public int RequestsTo(string host) => Read(() => _hosts.GetValueOrDefault(host));

    public void Fault(ImageFault fault, params long[] releaseIds)
    {
        lock (_gate)
        {
            foreach (var id in releaseIds)
            {
                _faults[id] = fault;
            }
        }
    }

    /// <summary>
    /// Every image request answers 429 for <paramref name="duration"/> from the next one that arrives (so a slow
    /// machine cannot let the storm pass before the downloads begin), with Retry-After when given.
    /// </summary>
    public void Storm(TimeSpan duration, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            (_stormAhead, _stormUntil, _stormRetryAfter) = (duration, default, retryAfter);
        }
    }

    /// <summary>The most requests that arrived in any window of <paramref name="window"/>, exactly, from the arrival log.</summary>
    public int PeakInWindow(TimeSpan window)
    {
        var ticks = SimulatedRateLimit.Ticks(window, time);
        return Read(() =>
        {
            var (peak, first) = (0, 0);
            for (var last = 0; last < _arrivals.Count; last++)
            {
                while (_arrivals[last] - _arrivals[first] >= ticks)
                {
                    first++;
                }

                peak = Math.Max(peak, last - first + 1);
            }

            return peak;
        });
    }

    /// <summary>Arrival times as offsets from the first request.</summary>
    public IReadOnlyList<TimeSpan> Arrivals() => Read(() => _arrivals.Select(t => time.GetElapsedTime(_arrivals[0], t)).ToList());

    public void Reset()
    {
        lock (_gate)
        {
            _faults.Clear();
            _hosts.Clear();
            _arrivals.Clear();
            _servedReleases.Clear();
            (_stormAhead, _stormUntil, _stormRetryAfter, Latency) = (null, default, null, TimeSpan.Zero);
            (_peakInFlight, _served, _withAuthorization, _tooMany) = (0, 0, 0, 0);
        }
    }

    internal async Task AnswerAsync(HttpContext http, long releaseId, Func<byte[]?> picture)
    {
        var (fault, storm) = Arrive(http, releaseId);
        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, time, http.RequestAborted);
            }

            var response = http.Response;
            if (storm is { } retryAfter)
            {
                response.StatusCode = 429;
                if (retryAfter > TimeSpan.Zero)
                {
                    response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return;
            }

            switch (fault)
            {
                case ImageFault.RedirectElsewhere:
                    var elsewhere = new UriBuilder(http.Request.Scheme, "localhost", http.Request.Host.Port ?? 80, http.Request.PathBase + http.Request.Path);
                    response.Redirect(elsewhere.Uri.ToString());
                    return;
                case ImageFault.HtmlPage:
                    await Write(response, "image/jpeg", Encoding.UTF8.GetBytes("<!doctype html><html><body><h1>Sign in to continue</h1></body></html>"), http.RequestAborted);
                    return;
                case ImageFault.GarbageJpeg:
                    var garbage = new byte[10_000];
                    new Random((int)(releaseId % int.MaxValue)).NextBytes(garbage);
                    ((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF, 0xE0]).CopyTo(garbage);
                    await Write(response, "image/jpeg", garbage, http.RequestAborted);
                    return;
                case ImageFault.Oversized:
                    response.ContentType = "image/jpeg";
                    var chunk = new byte[64 * 1024];
                    ((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF, 0xE0]).CopyTo(chunk);
                    for (var sent = 0; sent < OversizedBytes; sent += chunk.Length)
                    {
                        await response.Body.WriteAsync(chunk, http.RequestAborted);
                    }

                    return;
            }

            var png = KeepDrawn ? _drawn.GetOrAdd(http.Request.Path.Value ?? "", _ => picture()) : picture();
            if (png is null)
            {
                response.StatusCode = 404;
                return;
            }

            response.Headers.CacheControl = "public, max-age=86400";
            lock (_gate)
            {
                _served++;
                _servedReleases.Add(releaseId);
            }

            await Write(response, "image/png", png, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }

    private (ImageFault Fault, TimeSpan? Storm) Arrive(HttpContext http, long releaseId)
    {
        lock (_gate)
        {
            _arrivals.Add(time.GetTimestamp());
            var host = http.Request.Host.Value ?? "";
            _hosts[host] = _hosts.GetValueOrDefault(host) + 1;
            _withAuthorization += http.Request.Headers.Authorization.Count > 0 ? 1 : 0;
            _peakInFlight = Math.Max(_peakInFlight, ++_inFlight);
            if (_stormAhead is { } ahead)
            {
                (_stormUntil, _stormAhead) = (time.GetUtcNow() + ahead, null);
            }

            TimeSpan? storm = time.GetUtcNow() < _stormUntil ? _stormRetryAfter ?? TimeSpan.Zero : null;
            _tooMany += storm is null ? 0 : 1;
            return (_faults.GetValueOrDefault(releaseId), storm);
        }
    }

    private static Task Write(HttpResponse response, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
