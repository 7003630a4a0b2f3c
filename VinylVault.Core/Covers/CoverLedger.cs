using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Covers;

/// <summary>One image the lane should fetch.</summary>
public sealed record CoverWork(long ReleaseId, string Kind, string Url);

/// <summary>GET /api/covers: the thumbs and covers of the collection and the wantlist, by state; bytes of every cached file.</summary>
public sealed record CoverStats(int Cached, int Missing, int Failed, int Refused, long Bytes, int Queued)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Wanted => Cached + Missing + Failed + Refused;
}

/// <summary>The cover rows in the database: what is wanted, what became of each download, what to clean up.</summary>
public sealed class CoverLedger(IDbContextFactory<VaultDbContext> contexts, TimeProvider time)
{
    // Every thumb and cover of a release in the collection (tier 0), then of a want not owned (tier 1, fetched after
    // the collection's), with the date its newest copy or the want was added. One row per (release, kind).
    private const string Wanted = """
        WITH wanted AS (
            SELECT r.Id AS ReleaseId, 'thumb' AS Kind, r.Thumb AS Url, MAX(i.DateAdded) AS Added, 0 AS Tier
            FROM Releases r JOIN CollectionInstances i ON i.ReleaseId = r.Id
            WHERE r.Thumb IS NOT NULL AND r.Thumb <> '' GROUP BY r.Id
            UNION ALL
            SELECT r.Id, 'cover', r.CoverImage, MAX(i.DateAdded), 0
            FROM Releases r JOIN CollectionInstances i ON i.ReleaseId = r.Id
            WHERE r.CoverImage IS NOT NULL AND r.CoverImage <> '' GROUP BY r.Id
            UNION ALL
            SELECT w.ReleaseId, 'thumb', w.Thumb, w.DateAdded, 1 FROM Wants w
            WHERE w.Thumb IS NOT NULL AND w.Thumb <> '' AND NOT EXISTS (SELECT 1 FROM CollectionInstances i WHERE i.ReleaseId = w.ReleaseId)
            UNION ALL
            SELECT w.ReleaseId, 'cover', w.CoverImage, w.DateAdded, 1 FROM Wants w
            WHERE w.CoverImage IS NOT NULL AND w.CoverImage <> '' AND NOT EXISTS (SELECT 1 FROM CollectionInstances i WHERE i.ReleaseId = w.ReleaseId))
        """;

    public async Task<List<CoverFile>> CachedRowsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CoverFiles.AsNoTracking().Where(c => c.State == CoverState.Cached).ToListAsync(cancellationToken);
    }

    /// <summary>Images to fetch, the collection's newest records first, then the wants': never tried, changed URL, or failed and due again.</summary>
    public async Task<List<CoverWork>> WorkListAsync(int limit, CancellationToken cancellationToken)
    {
        var sql = Wanted + """
            SELECT w.ReleaseId, w.Kind, w.Url FROM wanted w
            LEFT JOIN CoverFiles c ON c.ReleaseId = w.ReleaseId AND c.Kind = w.Kind
            WHERE c.ReleaseId IS NULL OR c.SourceUrl <> w.Url OR (c.State = 'Failed' AND c.RetryAtMs <= $now)
            ORDER BY w.Tier, w.Added DESC, w.ReleaseId, w.Kind LIMIT $limit
            """;
        var work = new List<CoverWork>();
        await QueryAsync(sql, cancellationToken, r => work.Add(new CoverWork(r.GetInt64(0), r.GetString(1), r.GetString(2))),
            ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()), ("$limit", limit));
        return work;
    }

    /// <summary>When the next failed download falls due, if any.</summary>
    public async Task<DateTimeOffset?> NextRetryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.CoverFiles.Where(c => c.State == CoverState.Failed).MinAsync(c => c.RetryAtMs, cancellationToken);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public async Task<CoverStats> StatsAsync(int queued, CancellationToken cancellationToken)
    {
        var sql = Wanted + """
            SELECT COUNT(*),
                   COALESCE(SUM(c.State = 'Cached' AND c.SourceUrl = w.Url), 0),
                   COALESCE(SUM(c.State = 'Failed' AND c.SourceUrl = w.Url), 0),
                   COALESCE(SUM(c.State = 'Refused' AND c.SourceUrl = w.Url), 0),
                   (SELECT COALESCE(SUM(Bytes), 0) FROM CoverFiles WHERE State = 'Cached')
            FROM wanted w LEFT JOIN CoverFiles c ON c.ReleaseId = w.ReleaseId AND c.Kind = w.Kind
            """;
        var stats = new CoverStats(0, 0, 0, 0, 0, queued);
        await QueryAsync(sql, cancellationToken, r =>
        {
            var (total, cached, failed, refused) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3));
            stats = new CoverStats(cached, total - cached - failed - refused, failed, refused, r.GetInt64(4), queued);
        });
        return stats;
    }

    /// <summary>The URL Discogs gave for (release, kind) of a release in the local database, or null.</summary>
    public async Task<string?> SourceUrlAsync(long releaseId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (kind.StartsWith("image-", StringComparison.Ordinal))
        {
            var sequence = int.Parse(kind["image-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return await db.ReleaseImages.Where(i => i.ReleaseId == releaseId && i.Sequence == sequence).Select(i => i.Uri).FirstOrDefaultAsync(cancellationToken);
        }

        // A want of a release not owned has its own page data (and its covers, prefetched after the collection's).
        var urls = await db.Releases.Where(r => r.Id == releaseId).Select(r => new { r.Thumb, r.CoverImage }).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Wants.Where(w => w.ReleaseId == releaseId).Select(w => new { w.Thumb, w.CoverImage }).FirstOrDefaultAsync(cancellationToken);
        var url = kind == CoverKind.Thumb ? urls?.Thumb : urls?.CoverImage;
        return string.IsNullOrWhiteSpace(url) ? null : url;
    }

    public async Task<CoverFile?> FindAsync(long releaseId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CoverFiles.AsNoTracking().FirstOrDefaultAsync(c => c.ReleaseId == releaseId && c.Kind == kind, cancellationToken);
    }

    /// <summary>Records what became of a download (or an eviction).</summary>
    public async Task RecordAsync(CoverWork work, CoverState state, Action<CoverFile> fill, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.CoverFiles.FirstOrDefaultAsync(c => c.ReleaseId == work.ReleaseId && c.Kind == work.Kind, cancellationToken);
        if (row is null)
        {
            row = new CoverFile { ReleaseId = work.ReleaseId, Kind = work.Kind };
            db.CoverFiles.Add(row);
        }

        if (row.SourceUrl != work.Url)
        {
            row.Attempts = 0;
        }

        (row.SourceUrl, row.State, row.UpdatedAt, row.Error, row.RetryAtMs) = (work.Url, state, time.GetUtcNow().UtcDateTime, null, null);
        fill(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Rows of releases neither in the collection nor wanted: their files go after a complete pass.</summary>
    public async Task<List<CoverFile>> OrphansAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CoverFiles.AsNoTracking()
            .Where(c => !db.Instances.Any(i => i.ReleaseId == c.ReleaseId) && !db.Wants.Any(w => w.ReleaseId == c.ReleaseId))
            .ToListAsync(cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyCollection<CoverFile> rows, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in rows.Chunk(200))
        {
            db.CoverFiles.RemoveRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Persists when covers were last served, for the LRU order after a restart.</summary>
    public async Task TouchAsync(IReadOnlyCollection<(long ReleaseId, string Kind, DateTime At)> served, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var (releaseId, kind, at) in served)
        {
            await db.CoverFiles.Where(c => c.ReleaseId == releaseId && c.Kind == kind)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastServedAt, at), cancellationToken);
        }
    }

    private async Task QueryAsync(string sql, CancellationToken cancellationToken, Action<DbDataReader> read, params (string Name, object Value)[] parameters)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReadAsync(sql, read, cancellationToken, parameters);
    }
}
