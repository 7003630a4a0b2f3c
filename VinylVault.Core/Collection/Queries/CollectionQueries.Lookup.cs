using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Lookup;

namespace VinylVault.Core.Collection;

public sealed partial class CollectionQueries
{
    /// <summary>
    /// The owned copies of the releases a barcode, catalogue number or text finds, from the local database alone:
    /// barcodes and catalogue numbers by their indexed keys (<see cref="LookupKeys"/>), text like the collection's
    /// search, and a text that looks like either by those keys too.
    /// </summary>
    public async Task<IReadOnlyList<CollectionItemView>> FindOwnedAsync(LookupQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var releaseIds = new HashSet<long>();
        if (query.Kind is LookupKind.Barcode || (query.Kind is LookupKind.Text && LookupKeys.LooksLikeBarcode(query.Text)))
        {
            var key = LookupKeys.Barcode(query.Text);
            releaseIds.UnionWith(await db.ReleaseIdentifiers.Where(i => i.Key == key && i.Type == LookupKeys.BarcodeType)
                .Select(i => i.ReleaseId).ToListAsync(cancellationToken));
        }

        if (query.Kind is LookupKind.Catno or LookupKind.Text && LookupKeys.Catno(query.Text) is { } catno)
        {
            releaseIds.UnionWith(await db.ReleaseLabels.Where(l => l.CatnoKey == catno).Select(l => l.ReleaseId).ToListAsync(cancellationToken));
            // Matrix / runout etchings and label codes are looked up like catalogue numbers.
            releaseIds.UnionWith(await db.ReleaseIdentifiers.Where(i => i.Key == catno && i.Type != LookupKeys.BarcodeType)
                .Select(i => i.ReleaseId).ToListAsync(cancellationToken));
        }

        var byText = query.Kind is LookupKind.Text
            ? await Filter(db, new CollectionQuery { Q = query.Text }).Select(i => i.InstanceId).Take(LookupQuery.MaxResults).ToListAsync(cancellationToken)
            : [];
        var owned = db.Instances.AsNoTracking().Where(i => releaseIds.Contains(i.ReleaseId) || byText.Contains(i.InstanceId));
        return await ViewsAsync(db, Sort(owned, CollectionSort.Artist, SortOrder.Asc).Take(LookupQuery.MaxResults), cancellationToken);
    }
}
