using System.Diagnostics.Metrics;

namespace VinylVault.Core.Telemetry;

/// <summary>
/// The Meter and its instruments: one place that names every vinylvault_* series (docs/design.md, Metrics).
/// The Prometheus exporter turns counters into *_total and keeps the unit suffix given here.
/// </summary>
public sealed class VaultMetrics
{
    public const string MeterName = "VinylVault";

    private readonly Counter<long> _discogsRequests;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _syncItems;
    private readonly Counter<long> _syncErrors;
    private readonly Counter<long> _syncRuns;
    private readonly Histogram<double> _syncDuration;
    private readonly Counter<long> _outboxSent;
    private readonly Counter<long> _coverDownloads;
    private Func<(long Bytes, int Files)> _coverCache = () => (0, 0);
    private int? _remaining;
    private long _outboxPending;
    private long? _releases;
    private long _requestsSent;
    private (double Minimum, double Median, double Maximum) _value;

    public VaultMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _discogsRequests = meter.CreateCounter<long>("vinylvault_discogs_requests", description: "Requests sent to Discogs, by HTTP status code (0 = no answer).");
        _rateLimitWait = meter.CreateHistogram<double>("vinylvault_ratelimit_wait", unit: "s", description: "Time a Discogs request waited for the rate limiter.");
        meter.CreateObservableGauge("vinylvault_discogs_ratelimit_remaining", () => _remaining is { } r ? [new Measurement<int>(r)] : Array.Empty<Measurement<int>>(), description: "Requests left in the current window, as Discogs last reported.");
        _syncItems = meter.CreateCounter<long>("vinylvault_sync_items_processed", description: "Collection items and releases written by sync runs.");
        _syncErrors = meter.CreateCounter<long>("vinylvault_sync_errors", description: "Errors recorded by sync runs.");
        _syncRuns = meter.CreateCounter<long>("vinylvault_sync_runs", description: "Finished sync runs, by outcome.");
        _syncDuration = meter.CreateHistogram<double>("vinylvault_sync_duration", unit: "s", description: "Duration of finished sync runs.");
        _outboxSent = meter.CreateCounter<long>("vinylvault_outbox_sent", description: "Outbox deliveries to Discogs, by kind and result (sent, failed, retry).");
        meter.CreateObservableGauge("vinylvault_outbox_pending", () => Interlocked.Read(ref _outboxPending), description: "Local edits not yet delivered to Discogs (failed ones included).");
        // Every series from start-up, at 0, so a rate or an alert has a baseline before the first edit.
        foreach (var kind in OutboxKinds)
        {
            foreach (var result in OutboxResults)
            {
                _outboxSent.Add(0, Tag("kind", kind), Tag("result", result));
            }
        }

        _coverDownloads = meter.CreateCounter<long>("vinylvault_cover_downloads", description: "Cover image downloads, by result (cached, failed, refused).");
        foreach (var result in (string[])["cached", "failed", "refused"])
        {
            _coverDownloads.Add(0, new KeyValuePair<string, object?>("result", result));
        }

        meter.CreateObservableGauge("vinylvault_cover_cache_bytes", () => _coverCache().Bytes, description: "Bytes of cover images in the local cache.");
        meter.CreateObservableGauge("vinylvault_cover_cache_files", () => _coverCache().Files, description: "Cover image files in the local cache.");
        // Three series from start-up, at 0 until the first value snapshot (and then the last one kept).
        meter.CreateObservableGauge("vinylvault_collection_value", () =>
        {
            var (min, median, max) = _value;
            return (Measurement<double>[])[new(min, Tag("stat", "minimum")), new(median, Tag("stat", "median")), new(max, Tag("stat", "maximum"))];
        }, description: "The collection's value as Discogs last estimated it, in the owner's currency.");
        meter.CreateObservableGauge("vinylvault_collection_releases", () => _releases is { } n ? [new Measurement<long>(n)] : Array.Empty<Measurement<long>>(), description: "Collection items (instances) in the local database.");
    }

    /// <summary>
    /// Every counter series an alert or a panel asks for exists at 0 from the start (as Prometheus advises): rate()
    /// and increase() need a value before the first event, and "no data" is not "none happened". Call it once the
    /// exporter listens: a measurement made before that is not seen.
    /// </summary>
    public void StartAtZero()
    {
        foreach (var status in (int[])[200, 429, 0])
        {
            _discogsRequests.Add(0, new KeyValuePair<string, object?>("status_code", status));
        }

        _syncItems.Add(0);
        _syncErrors.Add(0);
        foreach (var outcome in (string[])["completed", "cancelled", "failed", "interrupted"])
        {
            _syncRuns.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void DiscogsRequest(int statusCode)
    {
        Interlocked.Increment(ref _requestsSent);
        _discogsRequests.Add(1, new KeyValuePair<string, object?>("status_code", statusCode));
    }

    /// <summary>Requests sent to Discogs since the process started (what a sync run reports as requests made).</summary>
    public long DiscogsRequestsSent => Interlocked.Read(ref _requestsSent);

    public void RateLimitWait(TimeSpan waited) => _rateLimitWait.Record(waited.TotalSeconds);

    public void DiscogsRemaining(int remaining) => _remaining = remaining;

    public void SyncItemsProcessed(long count) => _syncItems.Add(count);

    public void SyncError() => _syncErrors.Add(1);

    public void SyncRunFinished(string outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _syncRuns.Add(1, tag);
        _syncDuration.Record(duration.TotalSeconds, tag);
    }

    public void CollectionSize(long releases) => _releases = releases;

    // A gauge is a float in Prometheus anyway; the exact decimals stay in the database and the API.
    public void CollectionValue(decimal minimum, decimal median, decimal maximum) => _value = ((double)minimum, (double)median, (double)maximum);

    public static readonly string[] OutboxKinds = ["rating", "move", "field", "add", "remove", "create_folder", "rename_folder", "delete_folder"];
    public static readonly string[] OutboxResults = ["sent", "failed", "retry"];

    public void OutboxSent(string kind, string result) => _outboxSent.Add(1, Tag("kind", kind), Tag("result", result));

    public void OutboxPending(long count) => Interlocked.Exchange(ref _outboxPending, count);

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
    public void CoverDownload(string result) => _coverDownloads.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>Where the cover cache gauges read their figures.</summary>
    public void CoverCache(Func<(long Bytes, int Files)> read) => _coverCache = read;
}
