using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

/// <summary>The sender's reads and writes of the outbox: which entry goes next, and each step of its delivery, each committed before the next.</summary>
internal sealed class OutboxStore(IDbContextFactory<VaultDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// The oldest entry that may go now. Entries go in the order they were made; one queued behind a failed entry
    /// of the same copy or folder (or into a folder whose creation failed) waits until that one is retried or discarded.
    /// </summary>
    public async Task<OutboxEntry?> NextAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Outbox.AsNoTracking().Where(e => e.State != OutboxState.Sent).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var failed = open.Where(e => e.State == OutboxState.Failed).ToList();
        return open.FirstOrDefault(e => e.State != OutboxState.Failed && !failed.Any(f => f.Id < e.Id && BlockedBy(e, f)));
    }

    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.CountAsync(e => e.State != OutboxState.Sent, cancellationToken);
    }

    /// <summary>The ids Discogs had given this release's copies (or the folders) before an add (or create) was first sent: the new one is none of them.</summary>
    public async Task<string> KnownIdsAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = entry.Kind == OutboxKind.Add
            ? await db.Instances.Where(i => i.ReleaseId == entry.ReleaseId && i.InstanceId > 0).Select(i => i.InstanceId).ToListAsync(cancellationToken)
            : await db.Folders.Where(f => f.Id > 0).Select(f => (long)f.Id).ToListAsync(cancellationToken);
        return JsonSerializer.Serialize(ids);
    }

    /// <summary>Recorded before the request leaves: a kill after this point leaves the outcome unknown, and an add is then checked before any resend.</summary>
    public Task<bool> SendingAsync(OutboxEntry entry, string? known, CancellationToken cancellationToken) =>
        UpdateAsync(entry.Id, e =>
        {
            e.State = OutboxState.Sending;
            e.Attempts++;
            e.Previous = known ?? e.Previous;
        }, cancellationToken);

    public Task<bool> FailedAsync(OutboxEntry entry, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(entry.Id, e => (e.State, e.Error) = (OutboxState.Failed, reason), cancellationToken);

    /// <summary>Not delivered yet; an add or a folder creation whose answer did not come stays "sending": its outcome is unknown.</summary>
    public Task<bool> WaitingAsync(OutboxEntry entry, string reason, bool outcomeUnknown, CancellationToken cancellationToken) =>
        UpdateAsync(entry.Id, e => (e.State, e.Error) = (outcomeUnknown ? OutboxState.Sending : OutboxState.Pending, reason), cancellationToken);

    /// <summary>Discogs has it: the entry is sent, and a copy or folder made locally takes the id Discogs gave it, everywhere.</summary>
    public async Task SentAsync(OutboxEntry entry, long? discogsId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (discogsId is { } id && entry.Kind == OutboxKind.Add && entry.InstanceId is { } local && local != id)
        {
            // A sync may have listed the new copy already: the local one (with any edits made meanwhile) wins.
            await db.Database.ExecuteSqlAsync($"DELETE FROM CollectionInstances WHERE InstanceId = {id}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"INSERT INTO CollectionInstances (InstanceId, ReleaseId, FolderId, Rating, DateAdded) SELECT {id}, ReleaseId, FolderId, Rating, DateAdded FROM CollectionInstances WHERE InstanceId = {local}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE InstanceNotes SET InstanceId = {id} WHERE InstanceId = {local}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM CollectionInstances WHERE InstanceId = {local}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE OutboxEntries SET InstanceId = {id} WHERE InstanceId = {local}", cancellationToken);
        }
        else if (discogsId is { } folder && entry.Kind == OutboxKind.CreateFolder && entry.FolderId is { } localFolder && localFolder != folder)
        {
            var (from, to) = (localFolder.ToString(System.Globalization.CultureInfo.InvariantCulture), folder.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.Database.ExecuteSqlAsync($"DELETE FROM Folders WHERE Id = {folder}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE Folders SET Id = {folder} WHERE Id = {localFolder}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE CollectionInstances SET FolderId = {folder} WHERE FolderId = {localFolder}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE OutboxEntries SET FolderId = {folder} WHERE FolderId = {localFolder}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE OutboxEntries SET ToFolderId = {folder} WHERE ToFolderId = {localFolder}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE OutboxEntries SET Previous = {to} WHERE Kind = 'Move' AND Previous = {from}", cancellationToken);
        }

        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.State, OutboxState.Sent).SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.Error, (string?)null), cancellationToken);
        // The last ones stay for the Sync page; older ones go.
        var oldestKept = await db.Outbox.Where(e => e.State == OutboxState.Sent).OrderByDescending(e => e.Id).Skip(OutboxSender.SentKept)
            .Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (oldestKept is { } cut)
        {
            await db.Outbox.Where(e => e.State == OutboxState.Sent && e.Id <= cut).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static bool BlockedBy(OutboxEntry entry, OutboxEntry failed) =>
        entry.Target == failed.Target
        || (failed.Kind == OutboxKind.CreateFolder && (entry.FolderId == failed.FolderId || entry.ToFolderId == failed.FolderId));

    /// <summary>False when the entry is gone: the owner removed a copy whose add had not left yet.</summary>
    private async Task<bool> UpdateAsync(long id, Action<OutboxEntry> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Outbox.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } entry)
        {
            return false;
        }

        change(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
