using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync.Writing;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Wantlist;

namespace VinylVault.Core.Sync.Removal;

/// <summary>
/// The held removal: copies the page pass (HeldRemovals table) and wants the wantlist pass (HeldWantRemovals) did
/// not remove, shown as one in every status through <see cref="SyncProgress.Hold"/>, applied or dismissed by the
/// owner as one. SyncWorker keeps those two from running while a sync does.
/// </summary>
public sealed class HeldRemovals(IDbContextFactory<VaultDbContext> contexts, SyncProgress progress, VaultMetrics metrics)
{
    /// <summary>Tells every status what the database holds: at start-up (a removal held before a restart still waits), and after each pass.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var copies = await db.HeldCopies.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Since = g.Min(c => c.HeldSince) }).SingleOrDefaultAsync(cancellationToken);
        var wants = await db.HeldWants.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Since = g.Min(w => w.HeldSince) }).SingleOrDefaultAsync(cancellationToken);
        var since = new[] { copies?.Since, wants?.Since }.Min();
        progress.Hold(since is { } first ? new HeldRemoval(copies?.Count ?? 0, new DateTimeOffset(first, TimeSpan.Zero), wants?.Count ?? 0) : null);
    }

    /// <summary>Replaces the held copies with <paramref name="instanceIds"/>, keeping the first time copies were held.</summary>
    internal static async Task HoldAsync(SqlBatch batch, IReadOnlyCollection<long> instanceIds, DateTime now, CancellationToken cancellationToken)
    {
        var since = await batch.Db.HeldCopies.MinAsync(c => (DateTime?)c.HeldSince, cancellationToken) ?? now;
        await ClearAsync(batch, cancellationToken);
        await batch.Prepare("INSERT INTO HeldRemovals (InstanceId, HeldSince) SELECT value, @p1 FROM json_each(@p0)", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(instanceIds), since);
    }

    /// <summary>Replaces the held wants with <paramref name="releaseIds"/>, keeping the first time wants were held.</summary>
    internal static async Task HoldWantsAsync(SqlBatch batch, IReadOnlyCollection<long> releaseIds, DateTime now, CancellationToken cancellationToken)
    {
        var since = await batch.Db.HeldWants.MinAsync(w => (DateTime?)w.HeldSince, cancellationToken) ?? now;
        await ClearWantsAsync(batch, cancellationToken);
        await batch.Prepare("INSERT INTO HeldWantRemovals (ReleaseId, HeldSince) SELECT value, @p1 FROM json_each(@p0)", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(releaseIds), since);
    }

    internal static Task ClearAsync(SqlBatch batch, CancellationToken cancellationToken) =>
        batch.Prepare("DELETE FROM HeldRemovals", 0).RunAsync(cancellationToken);

    internal static Task ClearWantsAsync(SqlBatch batch, CancellationToken cancellationToken) =>
        batch.Prepare("DELETE FROM HeldWantRemovals", 0).RunAsync(cancellationToken);

    /// <summary>Removes the held copies (and releases nobody owns any more) and wants. Returns how many of each went; null when nothing was held.</summary>
    internal async Task<(int Copies, int Wants)?> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var copies = await db.HeldCopies.Select(c => c.InstanceId).ToListAsync(cancellationToken);
        var wants = await db.HeldWants.Select(w => w.ReleaseId).ToListAsync(cancellationToken);
        if (copies.Count == 0 && wants.Count == 0)
        {
            return null;
        }

        await using (var batch = await SqlBatch.BeginAsync(db, cancellationToken))
        {
            // Copies and wants with an edit still waiting for Discogs stay, as in a sync's own prune.
            var watermark = await PageWriter.OutboxWatermarkAsync(contexts, cancellationToken);
            var (removed, _) = copies.Count == 0 ? (0, 0) : await InstanceStatements.PruneAsync(batch, copies, watermark, cancellationToken);
            var wantsRemoved = await WantlistPass.DeleteAsync(batch, wants, watermark, cancellationToken);
            await ClearAsync(batch, cancellationToken);
            await ClearWantsAsync(batch, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            progress.Hold(null);
            metrics.CollectionSize(await db.Instances.CountAsync(cancellationToken));
            return (removed, wantsRemoved);
        }
    }

    /// <summary>"Keep my records": forgets the held removal; the next sync looks again. False when nothing was held.</summary>
    internal async Task<bool> DismissAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dismissed = await db.HeldCopies.ExecuteDeleteAsync(cancellationToken) + await db.HeldWants.ExecuteDeleteAsync(cancellationToken) > 0;
        progress.Hold(null);
        return dismissed;
    }
}
