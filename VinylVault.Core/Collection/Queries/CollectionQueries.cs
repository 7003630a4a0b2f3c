using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Outbox;

namespace VinylVault.Core.Collection;

/// <summary>
/// What the REST endpoints and the pages ask of the local database: a filtered, sorted page of the collection, a
/// release with its owned copies, stats, facets and sync history. It opens a short-lived context per call, so it is
/// a singleton that Blazor components and endpoints share safely. Every value reaches SQL as a parameter.
/// </summary>
public sealed partial class CollectionQueries(IDbContextFactory<VaultDbContext> contexts, DataVersion? version = null)
{
    public async Task<CollectionPageResult> GetPageAsync(CollectionQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, CollectionQuery.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the six queries below, not an open and close each.
        await db.Database.OpenConnectionAsync(cancellationToken);

        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await ViewsAsync(db, Sort(filtered, query.Sort, query.Order).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new CollectionPageResult(items, page, pageSize, total);
    }

    /// <summary>One copy as the collection lists it, or null when there is none with that id.</summary>
    public async Task<CollectionItemView?> GetItemAsync(long instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (await ViewsAsync(db, db.Instances.AsNoTracking().Where(i => i.InstanceId == instanceId), cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<CollectionItemView>> ViewsAsync(VaultDbContext db, IQueryable<CollectionInstance> selected, CancellationToken cancellationToken)
    {
        var rows = await selected
            .Select(i => new
            {
                i.InstanceId,
                i.ReleaseId,
                i.Release.Title,
                i.Release.ArtistDisplay,
                i.Release.Year,
                i.Rating,
                i.FolderId,
                i.DateAdded,
                i.Release.Thumb,
                i.Release.CoverImage,
                i.Release.HasDetails,
                Pending = db.Outbox.Any(e => e.InstanceId == i.InstanceId && e.State != OutboxState.Sent),
            })
            .ToListAsync(cancellationToken);

        var tags = await ReleaseTags.LoadAsync(db, rows.Select(r => r.ReleaseId).Distinct().ToList(), cancellationToken);
        var items = rows.Select(r => new CollectionItemView(
            r.InstanceId, r.ReleaseId, r.Title, r.ArtistDisplay, r.Year,
            tags.Genres(r.ReleaseId), tags.Styles(r.ReleaseId), tags.Formats(r.ReleaseId), tags.Labels(r.ReleaseId),
            r.Rating, r.FolderId, r.DateAdded, r.Thumb, r.CoverImage, r.HasDetails, r.Pending)).ToList();
        return items;
    }

    private static IQueryable<CollectionInstance> Filter(VaultDbContext db, CollectionQuery query)
    {
        var items = db.Instances.AsNoTracking();
        foreach (var term in TextFold.Fold(query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Folded on both sides: case- and accent-insensitive; translated to instr() with a parameter.
            items = items.Where(i => i.Release.SearchText.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Genre))
        {
            var genre = query.Genre.Trim();
            // IN, not EXISTS: SQLite can then start from the genre's index range instead of testing every copy.
            items = items.Where(i => db.ReleaseGenres.Where(g => g.Name == genre).Select(g => g.ReleaseId).Contains(i.ReleaseId));
        }

        if (!string.IsNullOrWhiteSpace(query.Style))
        {
            var style = query.Style.Trim();
            items = items.Where(i => db.ReleaseStyles.Where(s => s.Name == style).Select(s => s.ReleaseId).Contains(i.ReleaseId));
        }

        if (!string.IsNullOrWhiteSpace(query.Format))
        {
            var format = query.Format.Trim();
            var lower = format.ToLowerInvariant();
            items = items.Where(i => db.ReleaseFormats.Any(f => f.ReleaseId == i.ReleaseId
                && (f.Name == format || f.Descriptions.Any(d => d.ToLower() == lower))));
        }

        if (query.YearFrom is { } from)
        {
            items = items.Where(i => i.Release.Year >= from);
        }

        if (query.YearTo is { } to)
        {
            items = items.Where(i => i.Release.Year <= to);
        }

        // Folder 0 is Discogs' "All".
        if (query.FolderId is { } folder and not 0)
        {
            items = items.Where(i => i.FolderId == folder);
        }

        if (query.Rating is { } rating)
        {
            items = items.Where(i => i.Rating == rating);
        }

        return items;
    }

    private static IQueryable<CollectionInstance> Sort(IQueryable<CollectionInstance> items, CollectionSort sort, SortOrder order)
    {
        var desc = order == SortOrder.Desc;
        return sort switch
        {
            CollectionSort.Title => (desc ? items.OrderByDescending(i => i.Release.TitleSort) : items.OrderBy(i => i.Release.TitleSort))
                .ThenBy(i => i.Release.ArtistSort).ThenBy(i => i.InstanceId),
            // An unknown year sorts last either way.
            CollectionSort.Year => (desc
                    ? items.OrderBy(i => i.Release.Year == null).ThenByDescending(i => i.Release.Year)
                    : items.OrderBy(i => i.Release.Year == null).ThenBy(i => i.Release.Year))
                .ThenBy(i => i.Release.ArtistSort).ThenBy(i => i.Release.TitleSort).ThenBy(i => i.InstanceId),
            CollectionSort.DateAdded => (desc ? items.OrderByDescending(i => i.DateAdded) : items.OrderBy(i => i.DateAdded))
                .ThenBy(i => i.InstanceId),
            _ => (desc ? items.OrderByDescending(i => i.Release.ArtistSort) : items.OrderBy(i => i.Release.ArtistSort))
                .ThenBy(i => i.Release.TitleSort).ThenBy(i => i.InstanceId),
        };
    }
}
