using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Collection;

/// <summary>Genres, styles, formats and labels of a page's releases, loaded in four small queries instead of a join explosion.</summary>
internal sealed class ReleaseTags
{
    private ILookup<long, string> _genres = Empty();
    private ILookup<long, string> _styles = Empty();
    private ILookup<long, string> _formats = Empty();
    private ILookup<long, string> _labels = Empty();

    public static async Task<ReleaseTags> LoadAsync(VaultDbContext db, List<long> releaseIds, CancellationToken cancellationToken)
    {
        var tags = new ReleaseTags();
        if (releaseIds.Count == 0)
        {
            return tags;
        }

        tags._genres = (await db.ReleaseGenres.AsNoTracking().Where(g => releaseIds.Contains(g.ReleaseId))
            .Select(g => new { g.ReleaseId, g.Name }).ToListAsync(cancellationToken)).ToLookup(g => g.ReleaseId, g => g.Name);
        tags._styles = (await db.ReleaseStyles.AsNoTracking().Where(s => releaseIds.Contains(s.ReleaseId))
            .Select(s => new { s.ReleaseId, s.Name }).ToListAsync(cancellationToken)).ToLookup(s => s.ReleaseId, s => s.Name);
        var formats = await db.ReleaseFormats.AsNoTracking().Where(f => releaseIds.Contains(f.ReleaseId))
            .OrderBy(f => f.ReleaseId).ThenBy(f => f.Sequence).ToListAsync(cancellationToken);
        // As Discogs' search shows formats: each name followed by its descriptions ("Vinyl", "LP", "Album").
        tags._formats = formats.SelectMany(f => f.Descriptions.Prepend(f.Name).Select(tag => (f.ReleaseId, tag)))
            .ToLookup(f => f.ReleaseId, f => f.tag);
        tags._labels = (await db.ReleaseLabels.AsNoTracking().Where(l => releaseIds.Contains(l.ReleaseId))
            .OrderBy(l => l.ReleaseId).ThenBy(l => l.Sequence).Select(l => new { l.ReleaseId, l.Label.Name })
            .ToListAsync(cancellationToken)).ToLookup(l => l.ReleaseId, l => l.Name);
        return tags;
    }

    public IReadOnlyList<string> Genres(long releaseId) => [.. _genres[releaseId].Order()];
    public IReadOnlyList<string> Styles(long releaseId) => [.. _styles[releaseId].Order()];
    public IReadOnlyList<string> Formats(long releaseId) => [.. _formats[releaseId].Distinct()];
    public IReadOnlyList<string> Labels(long releaseId) => [.. _labels[releaseId].Distinct()];

    private static ILookup<long, string> Empty() => Array.Empty<(long, string)>().ToLookup(x => x.Item1, x => x.Item2);
}
