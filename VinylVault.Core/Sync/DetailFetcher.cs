using System.Threading.Channels;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync;

/// <summary>
/// Stage 3: a few workers take release ids and GET /releases/{id}, each id once. Every call waits for the one rate
/// limiter in the client, so a few in flight are enough to keep it busy. A 404 is recorded and skipped. A worker
/// sends its next request only once its last answer is committed: a kill then loses at most one answer per worker.
/// A release someone opened is fetched by <see cref="ReleaseDetailRequests"/> instead, in the interactive lane, and
/// not here again.
/// </summary>
internal sealed class DetailFetcher(IDiscogsApi api, SyncRunContext run, ReleaseDetailRequests opened)
{
    public async Task RunAsync(ChannelReader<long> ids, ChannelWriter<DetailResult> results, int workers)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(ids, results))));
        }
        finally
        {
            results.TryComplete();
        }
    }

    private async Task WorkAsync(ChannelReader<long> ids, ChannelWriter<DetailResult> results)
    {
        try
        {
            await foreach (var id in ids.ReadAllAsync(run.Stop))
            {
                var result = await FetchAsync(id);
                if (result is { } fetched)
                {
                    // Not cancellable: what was fetched is handed to the writer, which drains to the end.
                    await results.WriteAsync(fetched, CancellationToken.None);
                    await fetched.Committed!.Task.WaitAsync(run.Stop);
                }
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
            // The writer failed (and closed the channel); the run is already failing.
        }
    }

    private static TaskCompletionSource Committed() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<DetailResult?> FetchAsync(long id)
    {
        if (!opened.ClaimForSync(id, run.StartedAt))
        {
            run.Counters.DetailsFetchedElsewhere();
            return null;
        }

        try
        {
            return new DetailResult(id, await api.GetReleaseAsync(id, run.Currency, run.Stop), Committed(), run.Currency);
        }
        catch (DiscogsNotFoundException)
        {
            run.Counters.Note($"Release {id}: Discogs answered 404 (not found); skipped.");
            return new DetailResult(id, null, Committed());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.Stop.IsCancellationRequested)
        {
            opened.ReleaseSyncClaim(id);
            run.Handle(ex, $"Release {id}");
            return null;
        }
    }
}
