using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Covers;

/// <summary>
/// Images:MaxCacheMb: over the cap, the least recently served covers go first, but never those on the first screen of
/// the collection's default sort (what the owner sees on opening the app). An evicted cover is fetched again only
/// when it is shown; the prefetch stops while the cache is full.
/// </summary>
public sealed class CoverEviction(CoverStore store, CoverLedger ledger, CollectionQueries queries, IOptions<CoverOptions> options)
{
    /// <summary>Records on a large screen of the grid.</summary>
    public const int FirstScreen = 48;

    private long Cap => options.Value.MaxCacheMb * 1024L * 1024L;

    public bool Full => Cap > 0 && store.Bytes >= Cap;

    public async Task KeepUnderCapAsync(CancellationToken cancellationToken)
    {
        if (Cap == 0 || store.Bytes <= Cap)
        {
            return;
        }

        var firstScreen = await queries.GetPageAsync(new CollectionQuery { PageSize = FirstScreen }, cancellationToken);
        var spared = firstScreen.Items.Select(i => i.ReleaseId).ToHashSet();
        foreach (var cover in store.All.Where(c => !spared.Contains(c.ReleaseId)).OrderBy(c => c.LastUsed).ToList())
        {
            if (store.Bytes <= Cap)
            {
                break;
            }

            store.Remove(cover.ReleaseId, cover.Kind);
            await ledger.RecordAsync(new CoverWork(cover.ReleaseId, cover.Kind, cover.SourceUrl), CoverState.Evicted, r => r.Bytes = 0, cancellationToken);
        }
    }
}
