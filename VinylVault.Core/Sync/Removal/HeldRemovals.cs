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

    /// <summary>Replaces the held <paramref name="part"/> with <paramref name="ids"/>, keeping the first time it was held.</summary>
    internal static async Task HoldAsync(SqlBatch batch, HeldPart part, IReadOnlyCollection<long> ids, DateTime now, CancellationToken cancellationToken)
    {
        var since = await batch.Db.Database.SqlQueryRaw<DateTime?>(part.FirstHeld).SingleAsync(cancellationToken) ?? now;
        await ClearAsync(batch, part, cancellationToken);
        await batch.Prepare($"INSERT INTO {part.Table} ({part.Key}, HeldSince) SELECT value, @p1 FROM json_each(@p0)", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(ids), since);
    }

    internal static Task ClearAsync(SqlBatch batch, HeldPart part, CancellationToken cancellationToken) =>
        batch.Prepare($"DELETE FROM {part.Table}", 0).RunAsync(cancellationToken);

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
            await ClearAsync(batch, HeldPart.Copies, cancellationToken);
            await ClearAsync(batch, HeldPart.Wants, cancellationToken);
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

/// <summary>Where each part of the held removal lives: its table and the id it holds.</summary>
internal sealed record HeldPart(string Table, string Key)
{
    public static readonly HeldPart Copies = new("HeldRemovals", "InstanceId");
    public static readonly HeldPart Wants = new("HeldWantRemovals", "ReleaseId");

    /// <summary>When this part was first held (null: it holds nothing). Table names are these constants, never input.</summary>
    public string FirstHeld => "SELECT MIN(HeldSince) AS Value FROM " + Table;
}
