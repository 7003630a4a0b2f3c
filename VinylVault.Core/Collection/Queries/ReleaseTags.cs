using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Collection;

/// <summary>
/// Genres, styles, formats and labels of a page's releases in one statement (a UNION of four small selects rather
/// than a join explosion): under load a page's cost is mostly its number of statements, not their size.
/// </summary>
internal sealed class ReleaseTags
{
    // Formats as Discogs' search shows them: each name followed by its descriptions ("Vinyl", "LP", "Album").
    private const string Query = """
        WITH Ids(Id) AS (SELECT value FROM json_each({0}))
        SELECT ReleaseId, 0 AS Kind, 0 AS Sequence, Name FROM ReleaseGenres WHERE ReleaseId IN Ids
        UNION ALL SELECT ReleaseId, 1, 0, Name FROM ReleaseStyles WHERE ReleaseId IN Ids
        UNION ALL SELECT ReleaseId, 2, Sequence * 1000, Name FROM ReleaseFormats WHERE ReleaseId IN Ids
        UNION ALL SELECT f.ReleaseId, 2, f.Sequence * 1000 + 1 + d.key, d.value FROM ReleaseFormats f, json_each(f.Descriptions) d WHERE f.ReleaseId IN Ids
        UNION ALL SELECT l.ReleaseId, 3, l.Sequence, b.Name FROM ReleaseLabels l JOIN Labels b ON b.Id = l.LabelId WHERE l.ReleaseId IN Ids
        ORDER BY 1, 2, 3
        """;

    private ILookup<(long, int), string> _tags = Array.Empty<TagRow>().ToLookup(t => (t.ReleaseId, t.Kind), t => t.Name);

    public static async Task<ReleaseTags> LoadAsync(VaultDbContext db, List<long> releaseIds, CancellationToken cancellationToken)
    {
        var tags = new ReleaseTags();
        if (releaseIds.Count > 0)
        {
            var rows = await db.Database.SqlQueryRaw<TagRow>(Query, JsonSerializer.Serialize(releaseIds)).ToListAsync(cancellationToken);
            tags._tags = rows.ToLookup(t => (t.ReleaseId, t.Kind), t => t.Name);
        }

        return tags;
    }

    public IReadOnlyList<string> Genres(long releaseId) => [.. _tags[(releaseId, 0)].Order()];
    public IReadOnlyList<string> Styles(long releaseId) => [.. _tags[(releaseId, 1)].Order()];
    public IReadOnlyList<string> Formats(long releaseId) => [.. _tags[(releaseId, 2)].Distinct()];
    public IReadOnlyList<string> Labels(long releaseId) => [.. _tags[(releaseId, 3)].Distinct()];

    private sealed class TagRow
    {
        public long ReleaseId { get; init; }
        public int Kind { get; init; }
        public long Sequence { get; init; }
        public string Name { get; init; } = "";
    }
}
