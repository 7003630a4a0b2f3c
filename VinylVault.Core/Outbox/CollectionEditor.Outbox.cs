using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

public sealed partial class CollectionEditor
{
    /// <summary>Entries not yet sent, oldest first, then the last sent ones.</summary>
    public async Task<OutboxList> GetOutboxAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.Outbox.AsNoTracking().Where(e => e.State != OutboxState.Sent).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var sent = await db.Outbox.AsNoTracking().Where(e => e.State == OutboxState.Sent).OrderByDescending(e => e.Id).Take(OutboxSender.SentKept).ToListAsync(cancellationToken);
        return new OutboxList([.. open.Concat(sent).Select(OutboxEntryView.Of)]);
    }

    /// <summary>Sends a failed entry again.</summary>
    public async Task<EditResult<OutboxEntryView>> RetryAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Outbox.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return EditResult<OutboxEntryView>.NotFound($"No outbox entry {id}.");
        }

        if (entry.State != OutboxState.Failed)
        {
            return EditResult<OutboxEntryView>.Conflict($"Entry {id} is {entry.State.ToString().ToLowerInvariant()}, not failed: only a failed entry is retried.");
        }

        entry.State = OutboxState.Pending;
        await db.SaveChangesAsync(cancellationToken);
        sender.Wake();
        return EditResult<OutboxEntryView>.Done(OutboxEntryView.Of(entry));
    }

    /// <summary>
    /// Gives up a failed entry and reverts its local change, with what was queued behind it for the same copy or
    /// folder (it could only be sent after it), newest first.
    /// </summary>
    public async Task<EditResult<OutboxEntryView>> DiscardAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.Outbox.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return EditResult<OutboxEntryView>.NotFound($"No outbox entry {id}.");
        }

        if (entry.State != OutboxState.Failed)
        {
            return EditResult<OutboxEntryView>.Conflict($"Entry {id} is {entry.State.ToString().ToLowerInvariant()}, not failed: only a failed entry is discarded.");
        }

        var open = await db.Outbox.Where(e => e.State != OutboxState.Sent && e.Id >= id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var discarded = Dependents(entry, open);
        foreach (var e in discarded.OrderByDescending(e => e.Id))
        {
            await RevertAsync(db, e, cancellationToken);
            db.Outbox.Remove(e);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult<OutboxEntryView>.Done(OutboxEntryView.Of(entry));
    }

    private static List<OutboxEntry> Dependents(OutboxEntry entry, List<OutboxEntry> open)
    {
        var result = new List<OutboxEntry> { entry };
        foreach (var e in open.Where(e => e.Id > entry.Id))
        {
            var sameTarget = result.Any(r => r.Target == e.Target);
            var intoLocalFolder = result.Any(r => r.Kind == OutboxKind.CreateFolder && (e.FolderId == r.FolderId || e.ToFolderId == r.FolderId));
            if (sameTarget || intoLocalFolder)
            {
                result.Add(e);
            }
        }

        return result;
    }

    private static async Task RevertAsync(VaultDbContext db, OutboxEntry e, CancellationToken cancellationToken)
    {
        var copy = e.InstanceId is { } instanceId
            ? await db.Instances.Include(i => i.Notes).SingleOrDefaultAsync(i => i.InstanceId == instanceId, cancellationToken)
            : null;
        var folder = e.InstanceId is null ? await db.Folders.SingleOrDefaultAsync(f => f.Id == e.FolderId, cancellationToken) : null;
        switch (e.Kind)
        {
            case OutboxKind.WantAdd or OutboxKind.WantEdit or OutboxKind.WantRemove:
                await Wantlist.WantlistEditor.RevertAsync(db, e, cancellationToken);
                break;
            case OutboxKind.Rating when copy is not null:
                copy.Rating = int.Parse(e.Previous!, CultureInfo.InvariantCulture);
                break;
            case OutboxKind.Move when copy is not null:
                copy.FolderId = int.Parse(e.Previous!, CultureInfo.InvariantCulture);
                break;
            case OutboxKind.Field when copy is not null:
                var note = copy.Notes.FirstOrDefault(n => n.FieldId == e.FieldId);
                if (e.Previous is null && note is not null)
                {
                    copy.Notes.Remove(note);
                }
                else if (e.Previous is not null && note is null)
                {
                    copy.Notes.Add(new InstanceNote { InstanceId = copy.InstanceId, FieldId = e.FieldId!.Value, Value = e.Previous });
                }
                else if (note is not null)
                {
                    note.Value = e.Previous!;
                }

                break;
            case OutboxKind.Add when copy is not null:
                db.Instances.Remove(copy);
                break;
            case OutboxKind.Remove when copy is null && await db.Releases.AnyAsync(r => r.Id == e.ReleaseId, cancellationToken):
                var removed = JsonSerializer.Deserialize<RemovedCopy>(e.Previous!)!;
                db.Instances.Add(new CollectionInstance
                {
                    InstanceId = e.InstanceId!.Value, ReleaseId = e.ReleaseId!.Value, FolderId = removed.FolderId, Rating = removed.Rating, DateAdded = removed.DateAdded,
                    Notes = [.. removed.Notes.Select(n => new InstanceNote { InstanceId = e.InstanceId!.Value, FieldId = n.Key, Value = n.Value })],
                });
                break;
            case OutboxKind.CreateFolder when folder is not null:
                db.Folders.Remove(folder);
                break;
            case OutboxKind.RenameFolder when folder is not null:
                folder.Name = e.Previous!;
                break;
            case OutboxKind.DeleteFolder when folder is null:
                db.Folders.Add(new Folder { Id = e.FolderId!.Value, Name = e.Previous! });
                break;
        }

        // Each revert sees the one before it (a copy removed, then put back).
        await db.SaveChangesAsync(cancellationToken);
    }
}
