using Microsoft.Extensions.Logging;

namespace VinylVault.Core.Covers;

public sealed partial class CoverLane
{
    private const int PlanBatch = 256;
    private static readonly TimeSpan LongestIdle = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The prefetch: reads the work list (the collection's newest records first, then the wants') and queues what is not
    /// pending yet; when nothing is left, waits for a sign of new covers (a sync's page pass, a finished download) or the
    /// next failed one falling due. After a completed sync, first deletes the covers of releases neither owned nor wanted.
    /// </summary>
    private async Task PlanAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_cleanUpDue)
            {
                _cleanUpDue = false;
                await CleanUpAsync(stoppingToken);
            }

            var fresh = options.Value.Prefetch && !eviction.Full
                ? (await ledger.WorkListAsync(PlanBatch, stoppingToken)).Where(w => !_pending.ContainsKey((w.ReleaseId, w.Kind))).ToList()
                : [];
            if (fresh.Count == 0)
            {
                await ledger.TouchAsync(store.TakeServed(), stoppingToken);
                await IdleAsync(stoppingToken);
                continue;
            }

            foreach (var work in fresh)
            {
                if (!_pending.ContainsKey((work.ReleaseId, work.Kind)))
                {
                    Track(work);
                    await _prefetch.Writer.WriteAsync(work, stoppingToken);
                }
            }
        }
    }

    private async Task IdleAsync(CancellationToken stoppingToken)
    {
        var wait = LongestIdle;
        if (options.Value.Prefetch && await ledger.NextRetryAsync(stoppingToken) is { } due)
        {
            wait = TimeSpan.FromTicks(Math.Clamp((due - time.GetUtcNow()).Ticks, TimeSpan.FromMilliseconds(50).Ticks, LongestIdle.Ticks));
        }

        var signalled = _signal.Reader.WaitToReadAsync(stoppingToken).AsTask();
        await Task.WhenAny(signalled, Task.Delay(wait, time, stoppingToken));
        _signal.Reader.TryRead(out _);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task CleanUpAsync(CancellationToken stoppingToken)
    {
        var orphans = await ledger.OrphansAsync(stoppingToken);
        foreach (var row in orphans)
        {
            store.Remove(row.ReleaseId, row.Kind);
        }

        await ledger.DeleteAsync(orphans, stoppingToken);
        if (orphans.Count > 0)
        {
            logger.LogInformation("Deleted {Count} cover files of releases neither in the collection nor wanted", orphans.Count);
            Changed?.Invoke();
        }
    }
}
