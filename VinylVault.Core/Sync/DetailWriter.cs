using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync.Writing;

namespace VinylVault.Core.Sync;

/// <summary>What the detail fetcher got for one release: its details, or null when Discogs answered 404.</summary>
internal readonly record struct DetailResult(long ReleaseId, DiscogsRelease? Release);

/// <summary>
/// Stage 4: writes fetched releases in batches of Sync:BatchSize, and at least once a second, so a kill loses at most
/// about a second of requests. It drains its channel to the end even when the run is cancelled: what was fetched is kept.
/// </summary>
internal sealed class DetailWriter(IDbContextFactory<VaultDbContext> contexts, SyncCounters counters, TimeProvider time)
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    public event Action? Written;

    public async Task RunAsync(ChannelReader<DetailResult> reader, int batchSize, CancellationToken hardStop)
    {
        var batch = new List<DetailResult>(batchSize);
        while (await reader.WaitToReadAsync(hardStop))
        {
            var started = time.GetTimestamp();
            while (batch.Count < batchSize)
            {
                if (reader.TryRead(out var result))
                {
                    batch.Add(result);
                    continue;
                }

                var left = FlushInterval - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !await WaitAsync(reader, left, hardStop))
                {
                    break;
                }
            }

            await WriteAsync(batch, hardStop);
            batch.Clear();
        }
    }

    public async Task WriteAsync(IReadOnlyList<DetailResult> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var fetchedAt = time.GetUtcNow().UtcDateTime;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (var sql = await SqlBatch.BeginAsync(db, cancellationToken))
        {
            var releases = new ReleaseStatements(sql);
            foreach (var result in batch)
            {
                await (result.Release is { } release
                    ? releases.WriteDetailsAsync(release.Id == result.ReleaseId ? release : release with { Id = result.ReleaseId }, fetchedAt, cancellationToken)
                    : releases.MarkNotFoundAsync(result.ReleaseId, cancellationToken));
            }

            await sql.CommitAsync(cancellationToken);
        }

        var notFound = batch.Count(r => r.Release is null);
        counters.DetailsWritten(batch.Count - notFound, notFound);
        Written?.Invoke();
    }

    /// <summary>Waits until more can be read, the channel completes (false), or <paramref name="timeout"/> passes (false).</summary>
    private async Task<bool> WaitAsync(ChannelReader<DetailResult> reader, TimeSpan timeout, CancellationToken hardStop)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, hardStop);
        try
        {
            return await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !hardStop.IsCancellationRequested)
        {
            return false;
        }
    }
}
