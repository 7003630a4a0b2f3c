using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Sync.Writing;

namespace VinylVault.Core.Wantlist;

/// <summary>
/// The wantlist part of a sync: reads /users/{u}/wants page by page (100 a page: ceil(N/100) requests, nothing else),
/// writes each page in one transaction, diffed against what the database held so an unchanged want costs no write,
/// and after a complete pass removes the wants Discogs no longer lists, unless that is a mass removal: then it is
/// held with the collection's (<see cref="HeldRemovals"/>). A want with a local edit that Discogs has not heard yet
/// (or heard during this run) is left as the owner made it. A killed run leaves whole pages; the next one reads the
/// list again from page 1 (ceil(N/100) requests), which is all it costs.
/// </summary>
internal sealed class WantlistPass(IDiscogsApi api, IDbContextFactory<VaultDbContext> contexts, SyncRunContext run, TimeProvider time)
{
    public const int PerPage = 100;

    // An outbox entry of the want that still speaks for the local state (as InstanceStatements does for copies).
    private const string LocalEdit = "EXISTS (SELECT 1 FROM OutboxEntries o WHERE o.ReleaseId = {0} AND o.Kind IN ('WantAdd', 'WantEdit', 'WantRemove') " +
        "AND (o.State <> 'Sent' OR o.Id >= {1}))";

    private static readonly string PendingWants = "SELECT w.ReleaseId AS Value FROM Wants w WHERE " + string.Format(null, LocalEdit, "w.ReleaseId", "{0}");

    private readonly HashSet<long> _seen = [];
    private readonly HashSet<int> _itemCounts = [];
    private Dictionary<long, long> _hashes = [];

    /// <summary>A notice for the run's record when a removal was held, else null.</summary>
    public string? Notice { get; private set; }

    /// <summary>Reads and writes every page, then prunes after a complete pass. True when the pass was complete.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            _hashes = await db.Wants.AsNoTracking().ToDictionaryAsync(w => w.ReleaseId, w => w.ListedHash, cancellationToken);
        }

        var (pages, read) = (1, 0);
        for (var page = 1; page <= pages && !cancellationToken.IsCancellationRequested; page++)
        {
            WantlistPage result;
            try
            {
                result = await api.GetWantlistPageAsync(run.Username, page, PerPage, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                run.Handle(ex, $"Wantlist page {page}");
                if (page == 1)
                {
                    return false;
                }

                continue;
            }

            pages = Math.Max(result.Pagination.Pages, page);
            run.Counters.WantPageRead(pages);
            await WriteAsync(result, cancellationToken);
            read++;
        }

        var complete = !cancellationToken.IsCancellationRequested && read == pages && _itemCounts.Count == 1 && _itemCounts.Single() == _seen.Count;
        if (complete)
        {
            await PruneAsync(cancellationToken);
        }

        return complete;
    }

    private async Task WriteAsync(WantlistPage page, CancellationToken cancellationToken)
    {
        _itemCounts.Add(page.Pagination.Items);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var batch = await SqlBatch.BeginAsync(db, cancellationToken);
        var upsert = batch.Prepare(
            "INSERT INTO Wants (ReleaseId, Title, ArtistDisplay, ArtistSort, TitleSort, SearchText, Year, Formats, Thumb, CoverImage, Notes, Rating, DateAdded, ListedHash, Labels, CatalogNumbers) " +
            $"SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p15, @p16 WHERE NOT {string.Format(null, LocalEdit, "@p0", "@p14")} " +
            "ON CONFLICT(ReleaseId) DO UPDATE SET Title = excluded.Title, ArtistDisplay = excluded.ArtistDisplay, ArtistSort = excluded.ArtistSort, " +
            "TitleSort = excluded.TitleSort, SearchText = excluded.SearchText, Year = excluded.Year, Formats = excluded.Formats, Thumb = excluded.Thumb, " +
            "CoverImage = excluded.CoverImage, Notes = excluded.Notes, Rating = excluded.Rating, DateAdded = excluded.DateAdded, ListedHash = excluded.ListedHash, " +
            "Labels = excluded.Labels, CatalogNumbers = excluded.CatalogNumbers", 17);
        int added = 0, updated = 0;
        foreach (var want in page.Wants)
        {
            // A want can show up on two pages when the list changes while it is read: keep the first.
            if (!_seen.Add(want.Id))
            {
                continue;
            }

            var hash = Hash(want);
            var known = _hashes.TryGetValue(want.Id, out var stored);
            if (known && stored == hash)
            {
                continue;
            }

            var info = want.BasicInformation;
            var (display, artistSort, titleSort, search) = ReleaseColumns.Keys(info.Title, info.Artists, info.Labels);
            var formats = info.Formats.SelectMany(f => new[] { f.Name }.Concat(f.Descriptions)).Where(f => f.Length > 0).Distinct().ToList();
            var changed = await upsert.RunAsync(cancellationToken, want.Id, info.Title, display, artistSort, titleSort, search, DiscogsDisplay.Known(info.Year),
                JsonSerializer.Serialize(formats), info.Thumb, info.CoverImage, want.Notes ?? "", Math.Clamp(want.Rating, 0, 5),
                (want.DateAdded ?? DateTimeOffset.UnixEpoch).UtcDateTime, hash, run.OutboxWatermark,
                string.Join(", ", info.Labels.Select(l => l.Name)), string.Join(", ", info.Labels.Select(l => l.Catno ?? "")));
            (added, updated) = changed == 0 ? (added, updated) : known ? (added, updated + 1) : (added + 1, updated);
        }

        await batch.CommitAsync(cancellationToken);
        run.Counters.WantsWritten(added, updated);
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var batch = await SqlBatch.BeginAsync(db, cancellationToken);
        // A want with a local edit Discogs has not heard yet (an offline add) is not missing: it never counts as vanished.
        var pending = await db.Database.SqlQueryRaw<long>(PendingWants, run.OutboxWatermark).ToListAsync(cancellationToken);
        var vanished = _hashes.Keys.Where(id => !_seen.Contains(id)).Except(pending).ToList();
        // The collection's rule (Sync:MaxRemovalPercent, at least 10, or a pass that lists nothing): a truncated or
        // empty answer never prunes the wantlist; the removal is held for the owner with the copies'.
        if (RemovalPolicy.MustHold(vanished.Count, _hashes.Count, _seen.Count, run.Options.MaxRemovalPercent))
        {
            await HeldRemovals.HoldAsync(batch, HeldPart.Wants, vanished, time.GetUtcNow().UtcDateTime, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            Notice = $"{vanished.Count} wants Discogs no longer lists were kept, not removed: confirm the removal, or keep them.";
            return;
        }

        var removed = await DeleteAsync(batch, vanished, run.OutboxWatermark, cancellationToken);
        await HeldRemovals.ClearAsync(batch, HeldPart.Wants, cancellationToken);
        await batch.CommitAsync(cancellationToken);
        run.Counters.WantsPruned(removed);
    }

    /// <summary>Deletes these wants, except one with an outbox entry that still speaks for it (a local edit wins).</summary>
    internal static Task<int> DeleteAsync(SqlBatch batch, IReadOnlyCollection<long> releaseIds, long outboxWatermark, CancellationToken cancellationToken) =>
        batch.Prepare("DELETE FROM Wants WHERE ReleaseId IN (SELECT value FROM json_each(@p0)) " +
                $"AND NOT {string.Format(null, LocalEdit, "Wants.ReleaseId", "@p1")}", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(releaseIds), outboxWatermark);

    private static long Hash(Want want)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(want, DiscogsJson.Options);
        return BitConverter.ToInt64(SHA256.HashData(bytes), 0);
    }
}
