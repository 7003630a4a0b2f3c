using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync.Writing;

namespace VinylVault.Core.Sync;

/// <summary>
/// What the detail fetcher got for one release: its details, or null when Discogs answered 404. <paramref name="Committed"/>,
/// when given, completes once the result is in the database. <paramref name="Currency"/> is the curr_abbr asked for.
/// </summary>
internal readonly record struct DetailResult(long ReleaseId, DiscogsRelease? Release, TaskCompletionSource? Committed = null, string? Currency = null);

/// <summary>
/// Stage 4: group commit. Writes whatever has arrived as soon as nothing more is waiting to be read (the fetchers
/// are waiting on the rate limiter), when Sync:BatchSize is reached, or after a second of steady arrivals, whichever
/// comes first. A fetcher waits for its result to be committed before it sends its next request, so a kill loses at
/// most the requests in flight. It drains its channel to the end even when the run is cancelled: what was fetched is kept.
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
            // Commits take time, and results arrive meanwhile: the next batch is as large as the wait made it.
            var started = time.GetTimestamp();
            while (batch.Count < batchSize && time.GetElapsedTime(started) < FlushInterval && reader.TryRead(out var result))
            {
                batch.Add(result);
            }

            try
            {
                await WriteAsync(batch, hardStop);
            }
            catch (Exception ex)
            {
                foreach (var result in batch)
                {
                    result.Committed?.TrySetException(new ChannelClosedException(ex));
                }

                throw;
            }

            foreach (var result in batch)
            {
                result.Committed?.TrySetResult();
            }

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
                    ? releases.WriteDetailsAsync(release.Id == result.ReleaseId ? release : release with { Id = result.ReleaseId }, fetchedAt, result.Currency, cancellationToken)
                    : releases.MarkNotFoundAsync(result.ReleaseId, cancellationToken));
            }

            await sql.CommitAsync(cancellationToken);
        }

        var notFound = batch.Count(r => r.Release is null);
        counters.DetailsWritten(batch.Count - notFound, notFound);
        Written?.Invoke();
    }
}
