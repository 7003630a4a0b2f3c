using System.Threading.Channels;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync;

/// <summary>
/// Stage 1: reads folder 0 page by page, in order, until Discogs' own page count (pages can hold fewer than
/// per_page items, so offsets are never computed; there is no cap). A page that fails after the client's retries is
/// an error and is skipped: the pass is then incomplete and nothing is pruned.
/// </summary>
internal sealed class PageReader(IDiscogsApi api, SyncRunContext run)
{
    /// <summary>Discogs' page count as last reported, 0 when even the first page could not be read.</summary>
    public int PagesExpected { get; private set; }

    public async Task RunAsync(ChannelWriter<CollectionPage> pages)
    {
        try
        {
            var pageCount = 1;
            for (var page = 1; page <= pageCount && !run.Stop.IsCancellationRequested; page++)
            {
                var result = await ReadAsync(page);
                if (result is null)
                {
                    if (page == 1)
                    {
                        break; // without page 1 the page count is unknown
                    }

                    continue;
                }

                pageCount = Math.Max(result.Pagination.Pages, page);
                PagesExpected = pageCount;
                run.Counters.PageRead(pageCount, result.Pagination.Items);
                await pages.WriteAsync(result, run.Stop);
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
            // Cancelled or failed: the writer finishes what it was given.
        }
        finally
        {
            pages.TryComplete();
        }
    }

    private async Task<CollectionPage?> ReadAsync(int page)
    {
        try
        {
            return await api.GetCollectionPageAsync(run.Username, 0, new CollectionPageQuery(page), run.Stop);
        }
        catch (DiscogsNotFoundException)
        {
            run.Fail($"Discogs has no collection for the user '{run.Username}': check the username in the settings.");
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.Stop.IsCancellationRequested)
        {
            run.Handle(ex, $"Collection page {page}");
            return null;
        }
    }
}
