using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Sync;

/// <summary>
/// Relays the one progress publisher to the hub. SyncProgress calls its subscribers on the pipeline's thread, so
/// the handler only queues; this service sends in order, so a client never sees progress after completion.
/// </summary>
internal sealed class SyncProgressBroadcaster(SyncProgress progress, IHubContext<SyncHub, ISyncClient> hub, ILogger<SyncProgressBroadcaster> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Unbounded is safe: SyncProgress publishes a few times a second at most.
        var updates = Channel.CreateUnbounded<(SyncStatus Status, bool IsFinal)>(new() { SingleReader = true });
        using var subscription = progress.Subscribe((status, isFinal) => updates.Writer.TryWrite((status, isFinal)));
        await foreach (var (status, isFinal) in updates.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var clients = hub.Clients.All;
                await (isFinal ? clients.SyncCompleted(status) : clients.SyncProgress(status));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send sync progress to hub clients");
            }
        }
    }
}
