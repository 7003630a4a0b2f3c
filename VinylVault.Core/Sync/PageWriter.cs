using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync.Writing;

namespace VinylVault.Core.Sync;

/// <summary>
/// Stage 2: writes each collection page in one transaction, diffed against what the database held when the run
/// began, so an unchanged item or release costs no write. It remembers every instance seen: after a complete page
/// pass, what was not seen has left the collection and is pruned.
/// </summary>
internal sealed class PageWriter(IDbContextFactory<VaultDbContext> contexts, SyncCounters counters, long outboxWatermark)
{
    private readonly HashSet<long> _seen = [];
    private readonly HashSet<long> _releasesSeen = [];
    private Dictionary<long, string> _instances = [];
    private readonly HashSet<int> _itemCounts = [];
    private Dictionary<long, long> _releaseHashes = [];

    /// <summary>True when every page was written, each reported the same item count, and that many distinct items were seen.</summary>
    public bool PassComplete(int pagesExpected, int pagesWritten) =>
        pagesExpected > 0 && pagesWritten == pagesExpected && _itemCounts.Count == 1 && _itemCounts.Single() == _seen.Count;

    /// <summary>Copies the database held when the run began.</summary>
    public int LocalCopies => _instances.Count;

    /// <summary>Releases first met in this run: they will need details (used to estimate the work before the pass ends).</summary>
    public int NewReleases { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notes = (await db.InstanceNotes.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(n => n.InstanceId);
        var instances = await db.Instances.AsNoTracking().ToListAsync(cancellationToken);
        _instances = instances.ToDictionary(i => i.InstanceId, i => Fingerprint(i, notes[i.InstanceId]));
        _releaseHashes = await db.Releases.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.BasicHash, cancellationToken);
    }

    public async Task WriteAsync(CollectionPage page, CancellationToken cancellationToken)
    {
        int added = 0, updated = 0, written = 0;
        _itemCounts.Add(page.Pagination.Items);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var batch = await SqlBatch.BeginAsync(db, cancellationToken);
        var releases = new ReleaseStatements(batch);
        var instances = new InstanceStatements(batch, outboxWatermark);
        foreach (var item in page.Releases)
        {
            // An item can show up on two pages when the collection changes while it is read: keep the first.
            if (!_seen.Add(item.InstanceId))
            {
                continue;
            }

            written++;
            var info = item.BasicInformation.Id == item.Id ? item.BasicInformation : item.BasicInformation with { Id = item.Id };
            if (_releasesSeen.Add(item.Id))
            {
                var hash = ReleaseColumns.Hash(info);
                var known = _releaseHashes.TryGetValue(item.Id, out var stored);
                if (!known || stored != hash)
                {
                    await releases.WriteBasicAsync(info, hash, cancellationToken);
                }

                NewReleases += known ? 0 : 1;
            }

            var fingerprint = Fingerprint(item);
            if (!_instances.TryGetValue(item.InstanceId, out var before))
            {
                await instances.WriteAsync(item, cancellationToken);
                added++;
            }
            else if (before != fingerprint)
            {
                await instances.WriteAsync(item, cancellationToken);
                updated++;
            }
        }

        await batch.CommitAsync(cancellationToken);
        counters.PageWritten(written, added, updated);
    }

    /// <summary>
    /// Only after a complete page pass (<see cref="PassComplete"/>): deletes the instances Discogs no longer lists,
    /// then unowned releases; or, when that would be a mass removal (<see cref="RemovalPolicy"/>), deletes nothing and
    /// holds the removal for the owner (the number of copies held is returned; null when pruned).
    /// </summary>
    public async Task<int?> PruneAsync(int maxRemovalPercent, DateTime now, CancellationToken cancellationToken)
    {
        // A copy added locally (a negative id until Discogs answers) is not on Discogs' pages yet: it never counts as vanished.
        var vanished = _instances.Keys.Where(id => id > 0 && !_seen.Contains(id)).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var batch = await SqlBatch.BeginAsync(db, cancellationToken);
        if (RemovalPolicy.MustHold(vanished.Count, _instances.Count, _seen.Count, maxRemovalPercent))
        {
            await HeldRemovals.HoldAsync(batch, HeldPart.Copies, vanished, now, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            return vanished.Count;
        }

        var (instances, releases) = await InstanceStatements.PruneAsync(batch, vanished, outboxWatermark, cancellationToken);
        await HeldRemovals.ClearAsync(batch, HeldPart.Copies, cancellationToken);
        await batch.CommitAsync(cancellationToken);
        counters.Pruned(instances, releases);
        return null;
    }

    /// <summary>
    /// The outbox entries a run must respect: every one not sent when the run began, and every one made since. An
    /// entry sent during the run still speaks for the local state: the page Discogs gave may predate it.
    /// </summary>
    public static async Task<long> OutboxWatermarkAsync(IDbContextFactory<VaultDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.Where(e => e.State != OutboxState.Sent).MinAsync(e => (long?)e.Id, cancellationToken)
            ?? (await db.Outbox.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) + 1;
    }

    public static async Task WriteFoldersAsync(IDbContextFactory<VaultDbContext> contexts, IReadOnlyList<DiscogsFolder> folders,
        IReadOnlyList<CollectionField> fields, long outboxWatermark, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var batch = await SqlBatch.BeginAsync(db, cancellationToken);
        await InstanceStatements.ReplaceFoldersAsync(batch, folders, outboxWatermark, cancellationToken);
        await InstanceStatements.ReplaceFieldsAsync(batch, fields, cancellationToken);
        await batch.CommitAsync(cancellationToken);
    }

    private static string Fingerprint(CollectionItem item) => Fingerprint(item.Id, item.FolderId, item.Rating, item.DateAdded.UtcDateTime,
        item.Notes.Where(n => !string.IsNullOrEmpty(n.Value)).Select(n => (n.FieldId, n.Value!)));

    private static string Fingerprint(CollectionInstance instance, IEnumerable<InstanceNote> notes) => Fingerprint(
        instance.ReleaseId, instance.FolderId, instance.Rating, instance.DateAdded, notes.Select(n => (n.FieldId, n.Value)));

    private static string Fingerprint(long releaseId, int folderId, int rating, DateTime dateAdded, IEnumerable<(int FieldId, string Value)> notes) =>
        FormattableString.Invariant($"{releaseId}|{folderId}|{rating}|{dateAdded.Ticks}|{string.Join('\u001f', notes.OrderBy(n => n.FieldId).Select(n => $"{n.FieldId}={n.Value}"))}");
}
