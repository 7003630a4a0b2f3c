using Microsoft.EntityFrameworkCore;

namespace VinylVault.Core.Outbox;

/// <summary>How many copies of a release the local collection has, and whether Discogs has yet to hear of a change to them.</summary>
public sealed record OwnedRelease(long ReleaseId, int Copies, bool Pending);

public sealed partial class CollectionEditor
{
    /// <summary>What the collection holds of each release asked about (the Search page marks those owned); a release not owned is left out.</summary>
    public async Task<IReadOnlyDictionary<long, OwnedRelease>> OwnedAsync(IReadOnlyCollection<long> releaseIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var copies = await db.Instances.Where(i => releaseIds.Contains(i.ReleaseId)).GroupBy(i => i.ReleaseId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var pending = await db.Outbox.Where(e => e.ReleaseId != null && releaseIds.Contains(e.ReleaseId.Value) && e.State != OutboxState.Sent)
            .Select(e => e.ReleaseId!.Value).Distinct().ToListAsync(cancellationToken);
        return copies.ToDictionary(c => c.Key, c => new OwnedRelease(c.Key, c.Value, pending.Contains(c.Key)));
    }
}
