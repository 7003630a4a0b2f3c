using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;

namespace VinylVault.Core.Collection;

public sealed partial class CollectionQueries
{
    private const string Owned = "SELECT DISTINCT ReleaseId FROM CollectionInstances";
    private const string AlbumCount = "SELECT COUNT(*) AS Value FROM CollectionInstances";
    private const string ArtistCount = $"SELECT COUNT(DISTINCT ArtistId) AS Value FROM ReleaseArtists WHERE ReleaseId IN ({Owned})";

    private readonly VersionedCache<CollectionStats> _stats = new(version);
    private readonly VersionedCache<Tuple<int, int, SyncRunView?>> _summary = new(version);

    /// <summary>What the sync status answers with; scripts poll it while a sync runs, so it is kept until the next commit.</summary>
    public async Task<(int TotalAlbums, int TotalArtists, SyncRunView? LastSync)> GetSummaryAsync(CancellationToken cancellationToken)
    {
        var summary = await _summary.GetAsync(ComputeSummaryAsync, cancellationToken);
        return summary.ToValueTuple();
    }

    /// <summary>The dashboard's figures: a dozen group-bys over the collection, so they are kept until the next commit.</summary>
    public Task<CollectionStats> GetStatsAsync(CancellationToken cancellationToken) =>
        _stats.GetAsync(ComputeStatsAsync, cancellationToken);

    private async Task<Tuple<int, int, SyncRunView?>> ComputeSummaryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return Tuple.Create(await ScalarAsync(db, AlbumCount, cancellationToken),
            await ScalarAsync(db, ArtistCount, cancellationToken),
            await LastRunAsync(db, cancellationToken));
    }

    private async Task<CollectionStats> ComputeStatsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var decades = await CountsAsync(db,
            "SELECT CAST((r.Year / 10) * 10 AS TEXT) AS Name, COUNT(*) AS Count FROM CollectionInstances i " +
            "JOIN Releases r ON r.Id = i.ReleaseId GROUP BY r.Year / 10 ORDER BY r.Year IS NULL, r.Year / 10", cancellationToken);
        var artists = await CountsAsync(db,
            "SELECT a.Name AS Name, COUNT(DISTINCT i.InstanceId) AS Count FROM CollectionInstances i " +
            "JOIN ReleaseArtists ra ON ra.ReleaseId = i.ReleaseId JOIN Artists a ON a.Id = ra.ArtistId " +
            "GROUP BY a.Id ORDER BY Count DESC, a.Name LIMIT 10", cancellationToken);

        return new CollectionStats(
            await ScalarAsync(db, AlbumCount, cancellationToken),
            await ScalarAsync(db, $"SELECT COUNT(*) AS Value FROM ({Owned})", cancellationToken),
            await ScalarAsync(db, ArtistCount, cancellationToken),
            await ScalarAsync(db, $"SELECT COUNT(DISTINCT LabelId) AS Value FROM ReleaseLabels WHERE ReleaseId IN ({Owned})", cancellationToken),
            await ScalarAsync(db, $"SELECT COUNT(DISTINCT Name) AS Value FROM ReleaseGenres WHERE ReleaseId IN ({Owned})", cancellationToken),
            await ScalarAsync(db, $"SELECT COUNT(*) AS Value FROM Releases WHERE HasDetails = 1 AND Id IN ({Owned})", cancellationToken),
            await CountsAsync(db, TagCounts("ReleaseGenres"), cancellationToken),
            [.. decades.Select(d => d with { Name = d.Name is "" ? "Unknown" : d.Name + "s" })],
            await CountsAsync(db, TagCounts("ReleaseFormats"), cancellationToken),
            [.. artists.Select(a => a with { Name = DiscogsDisplay.ArtistName([new DiscogsArtist { Name = a.Name }]) })],
            await LastRunAsync(db, cancellationToken));
    }

    public async Task<CollectionFacets> GetFacetsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Formats offer names ("Vinyl") and descriptions ("LP", "7\""), the two things the format filter matches.
        var formats = await CountsAsync(db,
            "SELECT Name, COUNT(DISTINCT InstanceId) AS Count FROM (" +
            "SELECT i.InstanceId, f.Name AS Name FROM CollectionInstances i JOIN ReleaseFormats f ON f.ReleaseId = i.ReleaseId UNION ALL " +
            "SELECT i.InstanceId, d.value AS Name FROM CollectionInstances i JOIN ReleaseFormats f ON f.ReleaseId = i.ReleaseId, json_each(f.Descriptions) d" +
            ") GROUP BY Name ORDER BY Count DESC, Name", cancellationToken);

        var names = await db.Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var counts = await db.Instances.GroupBy(i => i.FolderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var folders = names.Keys.Union(counts.Select(c => c.Key)).Where(id => id != 0).Order()
            .Select(id => new FolderFacet(id, names.GetValueOrDefault(id) ?? $"Folder {id}", counts.FirstOrDefault(c => c.Key == id)?.Count ?? 0))
            .Prepend(new FolderFacet(0, names.GetValueOrDefault(0) ?? "All", counts.Sum(c => c.Count)))
            .ToList();

        var years = await db.Instances.Where(i => i.Release.Year != null)
            .GroupBy(i => 1).Select(g => new { Min = g.Min(i => i.Release.Year), Max = g.Max(i => i.Release.Year) })
            .SingleOrDefaultAsync(cancellationToken);

        return new CollectionFacets(
            await CountsAsync(db, TagCounts("ReleaseGenres"), cancellationToken),
            await CountsAsync(db, TagCounts("ReleaseStyles"), cancellationToken),
            formats, folders, years?.Min, years?.Max);
    }

    public async Task<IReadOnlyList<SyncRunView>> GetSyncRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(cancellationToken);
        return [.. runs.Select(SyncRunView.From)];
    }

    private static async Task<SyncRunView?> LastRunAsync(VaultDbContext db, CancellationToken cancellationToken) =>
        await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken) is { } run ? SyncRunView.From(run) : null;

    private static string TagCounts(string table) =>
        $"SELECT t.Name AS Name, COUNT(DISTINCT i.InstanceId) AS Count FROM CollectionInstances i JOIN {table} t ON t.ReleaseId = i.ReleaseId " +
        "GROUP BY t.Name ORDER BY Count DESC, t.Name";

    private static async Task<int> ScalarAsync(VaultDbContext db, string sql, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken);

    private static async Task<List<CountBy>> CountsAsync(VaultDbContext db, string sql, CancellationToken cancellationToken) =>
        [.. (await db.Database.SqlQueryRaw<NamedCount>(sql).ToListAsync(cancellationToken)).Select(c => new CountBy(c.Name ?? "", c.Count))];

    private sealed class NamedCount
    {
        public string? Name { get; set; }
        public int Count { get; set; }
    }
}
