using System.Net;
using VinylVault.Core.Discogs;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Sync;

/// <summary>
/// What the stages of one run share: the counters, the stop signal, and the rules for errors. A failure (401,
/// Sync:MaxErrors reached, a database error) stops every stage through <see cref="Stop"/>; so does a cancel.
/// </summary>
internal sealed class SyncRunContext : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly int _maxErrors;
    private readonly VaultMetrics _metrics;
    private string? _failure;
    private int _unreachable;

    public SyncRunContext(SyncRequest request, SyncOptions options, VaultMetrics metrics, DateTime startedAt, CancellationToken cancel)
    {
        Request = request;
        // Requests as the HTTP stack sent them, retries included, counted from the start of this run.
        var before = metrics.DiscogsRequestsSent;
        Counters = new SyncCounters(() => (int)(metrics.DiscogsRequestsSent - before));
        Counters.Processed += count => metrics.SyncItemsProcessed(count);
        Options = options;
        StartedAt = startedAt;
        Cancelled = cancel;
        _maxErrors = options.MaxErrors;
        _metrics = metrics;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    }

    public SyncRequest Request { get; }
    /// <summary>Whose collection: the configured username, or the token's owner.</summary>
    public string Username { get; set; } = "";

    /// <summary>Outbox entries from this id on speak for the local state during this run (PageWriter.OutboxWatermarkAsync).</summary>
    public long OutboxWatermark { get; set; }

    /// <summary>The owner's currency (from the last value snapshot): details are asked in it, so prices have a known currency.</summary>
    public string? Currency { get; set; }
    public SyncOptions Options { get; }
    public DateTime StartedAt { get; }
    public SyncCounters Counters { get; }
    public SyncPhase Phase { get; set; } = SyncPhase.Pages;
    /// <summary>What a completed run has to tell the owner (a held removal); kept in the run's record.</summary>
    public string? Notice { get; set; }

    /// <summary>Cancelled on failure or cancel: every stage watches it.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>The user's cancel (or the app stopping), as opposed to a failure.</summary>
    public CancellationToken Cancelled { get; }

    public string? Failure => Volatile.Read(ref _failure);

    /// <summary>Stops the run as failed; the first reason given is kept.</summary>
    public void Fail(string reason)
    {
        Interlocked.CompareExchange(ref _failure, reason, null);
        _stop.Cancel();
    }

    /// <summary>Counts an error; at Sync:MaxErrors the run fails.</summary>
    public void Error(string message)
    {
        _metrics.SyncError();
        var count = Counters.Error(message);
        if (count >= _maxErrors)
        {
            Fail($"Stopped after {count} errors (Sync:MaxErrors is {_maxErrors}). The last one: {message}");
        }
    }

    /// <summary>Handles a failed Discogs call the same way in every stage. Returns false when the run must not go on.</summary>
    public bool Handle(Exception exception, string what)
    {
        switch (exception)
        {
            case OperationCanceledException when Stop.IsCancellationRequested:
                return false;
            case DiscogsConnectionException or DiscogsApiException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout }:
                Unreachable(what, exception);
                return false;
            case DiscogsAuthenticationException auth:
                Fail($"Discogs refused the token ({(int?)auth.StatusCode}): check the username and token in the settings. {auth.Message}");
                return false;
            default:
                Error($"{what}: {exception.Message}");
                return !Stop.IsCancellationRequested;
        }
    }

    // Retries have already waited it out: Discogs is down, and every other request would fail the same way. One error
    // says so (however many requests were in flight), and the run ends at once instead of after MaxErrors copies.
    private void Unreachable(string what, Exception exception)
    {
        if (Interlocked.Exchange(ref _unreachable, 1) == 1)
        {
            return;
        }

        var reason = $"Discogs is unreachable ({what}: {exception.Message}). Nothing local was lost; the next sync picks up where this one stopped.";
        _metrics.SyncError();
        Counters.Error(reason);
        Fail(reason);
    }

    public void Dispose() => _stop.Dispose();
}
