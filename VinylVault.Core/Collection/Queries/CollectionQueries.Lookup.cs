using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Lookup;

namespace VinylVault.Core.Collection;

public sealed partial class CollectionQueries
{
    /// <summary>
    /// The owned copies of the releases a barcode, catalogue number or text finds, from the local database alone:
    /// barcodes and catalogue numbers by their indexed keys (<see cref="LookupKeys"/>), text like the collection's
    /// search, and a text that looks like either by those keys too. One query picks the copies (the keys as
    /// subqueries), then the items are read as the collection lists them.
    /// </summary>
    public async Task<IReadOnlyList<CollectionItemView>> FindOwnedAsync(LookupQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        IQueryable<long>? releaseIds = null;
        if (query.Kind is LookupKind.Barcode || (query.Kind is LookupKind.Text && LookupKeys.LooksLikeBarcode(query.Text)))
        {
            var key = LookupKeys.Barcode(query.Text);
            releaseIds = db.ReleaseIdentifiers.Where(i => i.Key == key && i.Type == LookupKeys.BarcodeType).Select(i => i.ReleaseId);
        }

        if (query.Kind is LookupKind.Catno or LookupKind.Text && LookupKeys.Catno(query.Text) is { } catno)
        {
            // Matrix / runout etchings and label codes are looked up like catalogue numbers.
            var byCatno = db.ReleaseLabels.Where(l => l.CatnoKey == catno).Select(l => l.ReleaseId)
                .Concat(db.ReleaseIdentifiers.Where(i => i.Key == catno && i.Type != LookupKeys.BarcodeType).Select(i => i.ReleaseId));
            releaseIds = releaseIds is null ? byCatno : releaseIds.Concat(byCatno);
        }

        var owned = db.Instances.AsNoTracking();
        if (query.Kind is LookupKind.Text)
        {
            var byText = Filter(db, new CollectionQuery { Q = query.Text }).Select(i => i.InstanceId).Take(LookupQuery.MaxResults);
            owned = releaseIds is null
                ? owned.Where(i => byText.Contains(i.InstanceId))
                : owned.Where(i => releaseIds.Contains(i.ReleaseId) || byText.Contains(i.InstanceId));
        }
        else if (releaseIds is null)
        {
            return []; // a catalogue number with no letter or digit, or "none"
        }
        else
        {
            owned = owned.Where(i => releaseIds.Contains(i.ReleaseId));
        }

        return await ViewsAsync(db, Sort(owned, CollectionSort.Artist, SortOrder.Asc).Take(LookupQuery.MaxResults), cancellationToken);
    }
}
