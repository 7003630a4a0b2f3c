using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync.Writing;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Sync.Removal;

/// <summary>
/// The held removal: recorded by the page pass in the HeldRemovals table, shown in every status through
/// <see cref="SyncProgress.Hold"/>, applied or dismissed by the owner. SyncWorker keeps those two from running
/// while a sync does.
/// </summary>
public sealed class HeldRemovals(IDbContextFactory<VaultDbContext> contexts, SyncProgress progress, VaultMetrics metrics)
{
    /// <summary>At start-up: a removal held before a restart is still waiting for the owner.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.HeldCopies.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Since = g.Min(c => c.HeldSince) })
            .SingleOrDefaultAsync(cancellationToken);
        progress.Hold(held is null ? null : new HeldRemoval(held.Count, new DateTimeOffset(held.Since, TimeSpan.Zero)));
    }

    /// <summary>Replaces what is held with <paramref name="instanceIds"/>, keeping the first time a removal was held.</summary>
    internal static async Task<HeldRemoval> HoldAsync(SqlBatch batch, IReadOnlyCollection<long> instanceIds, DateTime now, CancellationToken cancellationToken)
    {
        var since = await batch.Db.HeldCopies.MinAsync(c => (DateTime?)c.HeldSince, cancellationToken) ?? now;
        await ClearAsync(batch, cancellationToken);
        await batch.Prepare("INSERT INTO HeldRemovals (InstanceId, HeldSince) SELECT value, @p1 FROM json_each(@p0)", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(instanceIds), since);
        return new HeldRemoval(instanceIds.Count, new DateTimeOffset(since, TimeSpan.Zero));
    }

    internal static Task ClearAsync(SqlBatch batch, CancellationToken cancellationToken) =>
        batch.Prepare("DELETE FROM HeldRemovals", 0).RunAsync(cancellationToken);

    /// <summary>Removes the held copies (and releases nobody owns any more). Returns how many copies went; null when nothing was held.</summary>
    internal async Task<int?> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.HeldCopies.Select(c => c.InstanceId).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return null;
        }

        await using (var batch = await SqlBatch.BeginAsync(db, cancellationToken))
        {
            var (removed, _) = await InstanceStatements.PruneAsync(batch, ids, cancellationToken);
            await ClearAsync(batch, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            progress.Hold(null);
            metrics.CollectionSize(await db.Instances.CountAsync(cancellationToken));
            return removed;
        }
    }

    /// <summary>"Keep my records": forgets the held removal; the next sync looks again. False when nothing was held.</summary>
    internal async Task<bool> DismissAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dismissed = await db.HeldCopies.ExecuteDeleteAsync(cancellationToken) > 0;
        progress.Hold(null);
        return dismissed;
    }
}
