using System.Text.Json;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Collection;

/// <summary>
/// Genres, styles, formats and labels of a page's releases in one statement (a UNION of small selects rather than a
/// join explosion), read row by row (<see cref="RawReads"/>): a page has some 400 of these short rows, and EF's
/// materializer cost more per row than SQLite did.
/// </summary>
internal sealed class ReleaseTags
{
    // In the order shown: genres and styles by name; formats as Discogs' search shows them, each name followed by its
    // descriptions ("Vinyl", "LP", "Album"); labels as credited.
    private const string Query = """
        WITH Ids(Id) AS (SELECT value FROM json_each(@ids))
        SELECT ReleaseId, 0 AS Kind, 0 AS Sequence, Name FROM ReleaseGenres WHERE ReleaseId IN Ids
        UNION ALL SELECT ReleaseId, 1, 0, Name FROM ReleaseStyles WHERE ReleaseId IN Ids
        UNION ALL SELECT ReleaseId, 2, Sequence * 1000, Name FROM ReleaseFormats WHERE ReleaseId IN Ids
        UNION ALL SELECT f.ReleaseId, 2, f.Sequence * 1000 + 1 + d.key, d.value FROM ReleaseFormats f, json_each(f.Descriptions) d WHERE f.ReleaseId IN Ids
        UNION ALL SELECT l.ReleaseId, 3, l.Sequence, b.Name FROM ReleaseLabels l JOIN Labels b ON b.Id = l.LabelId WHERE l.ReleaseId IN Ids
        ORDER BY 1, 2, 3, 4
        """;

    private static readonly Tags None = new();
    private readonly Dictionary<long, Tags> _byRelease = [];

    public static async Task<ReleaseTags> LoadAsync(VaultDbContext db, List<long> releaseIds, CancellationToken cancellationToken)
    {
        var tags = new ReleaseTags();
        if (releaseIds.Count == 0)
        {
            return tags;
        }

        var (current, currentId) = (None, -1L);
        await db.ReadAsync(Query, reader =>
        {
            if (reader.GetInt64(0) is var id && id != currentId)
            {
                (current, currentId) = (new Tags(), id);
                tags._byRelease[id] = current;
            }

            current.Add(reader.GetInt32(1), reader.GetString(3));
        }, cancellationToken, ("@ids", JsonSerializer.Serialize(releaseIds)));
        return tags;
    }

    public IReadOnlyList<string> Genres(long releaseId) => Of(releaseId).Kinds[0];
    public IReadOnlyList<string> Styles(long releaseId) => Of(releaseId).Kinds[1];
    public IReadOnlyList<string> Formats(long releaseId) => Of(releaseId).Kinds[2];
    public IReadOnlyList<string> Labels(long releaseId) => Of(releaseId).Kinds[3];

    private Tags Of(long releaseId) => _byRelease.GetValueOrDefault(releaseId, None);

    private sealed class Tags
    {
        public List<string>[] Kinds { get; } = [[], [], [], []];

        // A format named twice ("Vinyl" for each record of a set) or a label credited twice is shown once.
        public void Add(int kind, string name)
        {
            if (!Kinds[kind].Contains(name))
            {
                Kinds[kind].Add(name);
            }
        }
    }
}
