using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Outbox;

/// <summary>
/// Delivers the outbox to Discogs in the background, one entry at a time in the order they were made, as soon as
/// Discogs is reachable. Offline it waits, doubling the wait up to Outbox:MaxBackoffSeconds, with one log line
/// when it goes offline and one when it is back: no error storm. A refusal (403, 404, 422...) fails the entry with
/// Discogs' reason for the owner to retry or discard.
/// </summary>
public sealed class OutboxSender(
    IServiceProvider services, IDiscogsAccount account, VaultMetrics metrics, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>Sent entries kept for the Sync page.</summary>
    public const int SentKept = 100;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile string? _offline;

    /// <summary>Why entries are waiting (Discogs unreachable, in words for people), or null when the sender is not held up.</summary>
    public string? Offline => _offline;

    /// <summary>Raised after every entry delivered, failed or put back to wait, so pages can refresh their pending marks.</summary>
    public event Action? Changed;

    /// <summary>Something new was queued (or retried): look at once.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var store = services.GetRequiredService<OutboxStore>();
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                metrics.OutboxPending(await store.CountOpenAsync(stoppingToken));
                var entry = account.Token is null ? null : await store.NextAsync(stoppingToken);
                if (entry is null)
                {
                    await _wake.Reader.ReadAsync(stoppingToken);
                    continue;
                }

                var result = await DeliverAsync(store, entry, stoppingToken);
                backoff = result == DeliveryResult.Retry
                    ? TimeSpan.FromTicks(Math.Min(Math.Max(FirstBackoff.Ticks, backoff.Ticks * 2), TimeSpan.FromSeconds(options.Value.MaxBackoffSeconds).Ticks))
                    : TimeSpan.Zero;
                Changed?.Invoke();
                if (backoff > TimeSpan.Zero)
                {
                    await Task.Delay(backoff, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup (busy, locked): the entry is still recorded; look again shortly.
                logger.LogWarning(ex, "The outbox could not be read or updated; trying again");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.MaxBackoffSeconds), time, stoppingToken);
            }
        }
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxStore store, OutboxEntry entry, CancellationToken stoppingToken)
    {
        // Only an add or a folder creation would be doubled by a resend: it is recorded as sending before the request
        // leaves, and one found sending (the process died, or the answer was lost) is looked up first.
        var exactlyOnce = entry.Kind is OutboxKind.Add or OutboxKind.CreateFolder;
        var unknown = exactlyOnce && entry.State == OutboxState.Sending;
        Task<bool> marked;
        if (exactlyOnce)
        {
            var known = entry.Previous is null ? await store.KnownIdsAsync(entry, stoppingToken) : null;
            if (!await store.SendingAsync(entry, known, stoppingToken))
            {
                return DeliveryResult.Sent;
            }

            entry.Previous = known ?? entry.Previous;
            marked = Task.FromResult(true);
        }
        else
        {
            // Any other entry may safely be sent twice, so marking it is bookkeeping, written beside the request rather
            // than before it: during a sync that write queues behind the sync's write transactions, and the edit would
            // queue with it instead of taking the next permit. On its own thread, because SQLite's async calls block.
            marked = Task.Run(() => store.SendingAsync(entry, null, stoppingToken), stoppingToken);
        }

        Delivery delivery;
        try
        {
            delivery = await services.GetRequiredService<OutboxDelivery>().DeliverAsync(entry, unknown, stoppingToken);
        }
        finally
        {
            // The outcome is written after the mark, never overtaken by it.
            await marked;
        }

        var kind = JsonNamingPolicy.SnakeCaseLower.ConvertName(entry.Kind.ToString());
        metrics.OutboxSent(kind, delivery.Result.ToString().ToLowerInvariant());
        switch (delivery.Result)
        {
            case DeliveryResult.Sent:
                await store.SentAsync(entry, delivery.DiscogsId, stoppingToken);
                if (_offline is not null)
                {
                    logger.LogInformation("Discogs is reachable again: delivering the outbox");
                    _offline = null;
                }

                break;
            case DeliveryResult.Failed:
                logger.LogWarning("Discogs refused outbox entry {Id} ({Kind}): {Reason}", entry.Id, kind, delivery.Message);
                await store.FailedAsync(entry, delivery.Message!, stoppingToken);
                break;
            default:
                if (_offline is null)
                {
                    logger.LogWarning("Discogs unreachable; {Kind} entry {Id} and those after it wait: {Reason}", kind, entry.Id, delivery.Message);
                }

                _offline = delivery.Message;
                await store.WaitingAsync(entry, delivery.Message!, outcomeUnknown: entry.Kind is OutboxKind.Add or OutboxKind.CreateFolder, stoppingToken);
                break;
        }

        return delivery.Result;
    }
}
