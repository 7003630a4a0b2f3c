using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

/// <summary>
/// Local-first edits of the collection: each is one transaction that changes the database and records what Discogs
/// must be told (an <see cref="OutboxEntry"/>), then wakes the <see cref="OutboxSender"/>. Works offline.
/// </summary>
public sealed partial class CollectionEditor(IDbContextFactory<VaultDbContext> contexts, CollectionQueries queries, OutboxSender sender, TimeProvider time)
{
    public async Task<EditResult<CollectionItemView>> UpdateAsync(long instanceId, CopyEdit edit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var copy = await db.Instances.Include(i => i.Notes).SingleOrDefaultAsync(i => i.InstanceId == instanceId, cancellationToken);
        if (copy is null)
        {
            return EditResult<CollectionItemView>.NotFound($"No copy with instance id {instanceId} in the collection.");
        }

        var errors = new Dictionary<string, string[]>();
        if (edit.Rating is { } rating && EditRules.Rating(rating) is { } ratingError)
        {
            errors["rating"] = [ratingError];
        }

        if (edit.FolderId is { } folderId && await FolderErrorAsync(db, folderId, cancellationToken) is { } folderError)
        {
            errors["folder_id"] = [folderError];
        }

        var fields = await db.CustomFields.AsNoTracking().ToListAsync(cancellationToken);
        var changes = new List<(CustomField Field, string Value)>();
        foreach (var (name, value) in edit.Fields ?? new Dictionary<string, string?>())
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            var problem = field is null ? $"The collection has no field '{name}' ({string.Join(", ", fields.Select(f => f.Name))})."
                : string.IsNullOrEmpty(value) ? null : EditRules.FieldValue(field, value);
            if (problem is not null)
            {
                errors["fields"] = [.. errors.GetValueOrDefault("fields") ?? [], problem];
            }
            else
            {
                changes.Add((field!, value ?? ""));
            }
        }

        if (errors.Count > 0)
        {
            return EditResult<CollectionItemView>.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (edit.Rating is { } newRating && newRating != copy.Rating)
        {
            await RecordAsync(db, Entry(OutboxKind.Rating, copy, now, Value(newRating), Value(copy.Rating)), cancellationToken);
            copy.Rating = newRating;
        }

        if (edit.FolderId is { } newFolder && newFolder != copy.FolderId)
        {
            var move = Entry(OutboxKind.Move, copy, now, null, Value(copy.FolderId));
            move.ToFolderId = newFolder;
            await RecordAsync(db, move, cancellationToken);
            copy.FolderId = newFolder;
        }

        foreach (var (field, value) in changes)
        {
            var note = copy.Notes.FirstOrDefault(n => n.FieldId == field.Id);
            if ((note?.Value ?? "") == value)
            {
                continue;
            }

            var entry = Entry(OutboxKind.Field, copy, now, value, note?.Value);
            entry.FieldId = field.Id;
            await RecordAsync(db, entry, cancellationToken);
            if (value.Length == 0)
            {
                copy.Notes.Remove(note!);
            }
            else if (note is null)
            {
                copy.Notes.Add(new InstanceNote { InstanceId = copy.InstanceId, FieldId = field.Id, Value = value });
            }
            else
            {
                note.Value = value;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<CollectionItemView>.Done((await queries.GetItemAsync(instanceId, cancellationToken))!);
    }

    /// <summary>Entries get their ids in the order they were made: the order Discogs hears them.</summary>
    private static async Task RecordAsync(VaultDbContext db, OutboxEntry entry, CancellationToken cancellationToken)
    {
        db.Outbox.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static OutboxEntry Entry(OutboxKind kind, CollectionInstance copy, DateTime now, string? value, string? previous) => new()
    {
        Kind = kind,
        State = OutboxState.Pending,
        InstanceId = copy.InstanceId,
        ReleaseId = copy.ReleaseId,
        FolderId = copy.FolderId,
        Value = value,
        Previous = previous,
        CreatedAt = now,
    };

    private static async Task<string?> FolderErrorAsync(VaultDbContext db, int folderId, CancellationToken cancellationToken) =>
        folderId == 0 ? "Folder 0 is 'All': a copy goes into a real folder (1 is 'Uncategorized')."
            : await db.Folders.AnyAsync(f => f.Id == folderId, cancellationToken) ? null
            : $"There is no folder {folderId}.";

    private static string Value(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new local id below every id in use: negative until Discogs gives the real one.</summary>
    private static async Task<long> NextLocalInstanceIdAsync(VaultDbContext db, CancellationToken cancellationToken)
    {
        var instances = await db.Instances.MinAsync(i => (long?)i.InstanceId, cancellationToken) ?? 0;
        var entries = await db.Outbox.MinAsync(e => e.InstanceId, cancellationToken) ?? 0;
        return Math.Min(0, Math.Min(instances, entries)) - 1;
    }
}
