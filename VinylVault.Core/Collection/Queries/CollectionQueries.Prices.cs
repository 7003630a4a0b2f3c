using Microsoft.EntityFrameworkCore;

namespace VinylVault.Core.Collection;

/// <summary>An owned release at its lowest marketplace price when its details were fetched.</summary>
public sealed record PricedRelease(long ReleaseId, string Title, string Artist, decimal LowestPrice, string? Currency, int? NumForSale);

public sealed partial class CollectionQueries
{
    /// <summary>The owned releases with the highest lowest price, dearest first.</summary>
    public async Task<IReadOnlyList<PricedRelease>> GetTopPricedAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // SQLite keeps decimals as text: ordered as numbers through the cast.
        return await db.Releases.AsNoTracking()
            .Where(r => r.LowestPrice != null && r.Instances.Any())
            .OrderByDescending(r => (double)r.LowestPrice!.Value).ThenBy(r => r.Id)
            .Take(count)
            .Select(r => new PricedRelease(r.Id, r.Title, r.ArtistDisplay, r.LowestPrice!.Value, r.PriceCurrency, r.NumForSale))
            .ToListAsync(cancellationToken);
    }
}
