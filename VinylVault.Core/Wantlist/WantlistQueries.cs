using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Outbox;

namespace VinylVault.Core.Wantlist;

/// <summary>The wantlist from the local database: a searched, sorted page, or one want. A singleton; a context per call.</summary>
public sealed class WantlistQueries(IDbContextFactory<VaultDbContext> contexts)
{
    public async Task<WantPage> GetPageAsync(WantQuery query, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, WantQuery.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var wants = db.Wants.AsNoTracking();
        foreach (var term in TextFold.Fold(query.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            wants = wants.Where(w => w.SearchText.Contains(term));
        }

        if (query.InCollection is { } owned)
        {
            wants = wants.Where(w => db.Instances.Any(i => i.ReleaseId == w.ReleaseId) == owned);
        }

        if (query.Rating is { } rating)
        {
            wants = wants.Where(w => w.Rating == rating);
        }

        // A want keeps its format names and descriptions in one list: either matches, without case.
        if (!string.IsNullOrWhiteSpace(query.Format))
        {
            var format = query.Format.Trim().ToLowerInvariant();
            wants = wants.Where(w => w.Formats.Any(f => f.ToLower() == format));
        }

        if (query.YearFrom is { } from)
        {
            wants = wants.Where(w => w.Year >= from);
        }

        if (query.YearTo is { } to)
        {
            wants = wants.Where(w => w.Year <= to);
        }

        var total = await wants.CountAsync(cancellationToken);
        var items = await ViewsAsync(db, Sort(wants, query.Sort, query.Order).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new WantPage(items, page, pageSize, total);
    }

    public async Task<WantView?> GetAsync(long releaseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ViewsAsync(db, db.Wants.AsNoTracking().Where(w => w.ReleaseId == releaseId), cancellationToken)).SingleOrDefault();
    }

    /// <summary>The format names and descriptions on the wantlist, for the page's format filter.</summary>
    public async Task<List<string>> FormatsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var formats = await db.Wants.Select(w => w.Formats).ToListAsync(cancellationToken);
        return [.. formats.SelectMany(f => f).Where(f => f.Length > 0).Distinct().Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Of <paramref name="releaseIds"/>, those on the wantlist (the release page and Search mark them).</summary>
    public async Task<HashSet<long>> WantedAsync(IReadOnlyCollection<long> releaseIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await db.Wants.Where(w => releaseIds.Contains(w.ReleaseId)).Select(w => w.ReleaseId).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// The wants a lookup found (GET /api/lookup's "wanted"): those of <paramref name="releaseIds"/> (releases the
    /// lookup found owned or on Discogs), and those whose title, artist, label or catalogue number holds every word of
    /// <paramref name="text"/> (null for a barcode: wants keep no barcodes). At most <paramref name="limit"/>.
    /// </summary>
    public async Task<List<WantView>> FindAsync(string? text, IReadOnlyCollection<long> releaseIds, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var found = await ViewsAsync(db, db.Wants.AsNoTracking().Where(w => releaseIds.Contains(w.ReleaseId)).Take(limit), cancellationToken);
        var terms = TextFold.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length > 0 && found.Count < limit)
        {
            var matching = db.Wants.AsNoTracking();
            foreach (var term in terms)
            {
                matching = matching.Where(w => w.SearchText.Contains(term));
            }

            var known = found.Select(w => w.ReleaseId).ToList();
            found.AddRange(await ViewsAsync(db, matching.Where(w => !known.Contains(w.ReleaseId)).OrderBy(w => w.ArtistSort).Take(limit - found.Count), cancellationToken));
        }

        return found;
    }

    private static Task<List<WantView>> ViewsAsync(VaultDbContext db, IQueryable<WantedRelease> selected, CancellationToken cancellationToken) =>
        selected.Select(w => new WantView(
                w.ReleaseId, w.Title, w.ArtistDisplay, w.Year, w.Formats, w.Thumb, w.Notes, w.Rating, w.DateAdded,
                db.Instances.Any(i => i.ReleaseId == w.ReleaseId),
                db.Outbox.Any(e => e.ReleaseId == w.ReleaseId && e.State != OutboxState.Sent
                    && (e.Kind == OutboxKind.WantAdd || e.Kind == OutboxKind.WantEdit))))
            .ToListAsync(cancellationToken);

    private static IQueryable<WantedRelease> Sort(IQueryable<WantedRelease> wants, WantSort sort, SortOrder order)
    {
        var desc = order == SortOrder.Desc;
        return sort switch
        {
            WantSort.Title => (desc ? wants.OrderByDescending(w => w.TitleSort) : wants.OrderBy(w => w.TitleSort)).ThenBy(w => w.ArtistSort).ThenBy(w => w.ReleaseId),
            // An unknown year sorts last either way.
            WantSort.Year => (desc ? wants.OrderBy(w => w.Year == null).ThenByDescending(w => w.Year) : wants.OrderBy(w => w.Year == null).ThenBy(w => w.Year))
                .ThenBy(w => w.ArtistSort).ThenBy(w => w.ReleaseId),
            WantSort.Rating => (desc ? wants.OrderByDescending(w => w.Rating) : wants.OrderBy(w => w.Rating)).ThenBy(w => w.ArtistSort).ThenBy(w => w.ReleaseId),
            WantSort.Artist => (desc ? wants.OrderByDescending(w => w.ArtistSort) : wants.OrderBy(w => w.ArtistSort)).ThenBy(w => w.TitleSort).ThenBy(w => w.ReleaseId),
            _ => (desc ? wants.OrderByDescending(w => w.DateAdded) : wants.OrderBy(w => w.DateAdded)).ThenBy(w => w.ReleaseId),
        };
    }
}
