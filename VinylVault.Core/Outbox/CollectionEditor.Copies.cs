using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

/// <summary>What a removal keeps of the copy, so a discard can put it back.</summary>
internal sealed record RemovedCopy(int FolderId, int Rating, DateTime DateAdded, Dictionary<int, string> Notes);

public sealed partial class CollectionEditor
{
    /// <summary>A new copy of <paramref name="releaseId"/>, listed at once under a local (negative) id until Discogs answers.</summary>
    public async Task<EditResult<CollectionItemView>> AddAsync(long releaseId, int folderId, ReleaseHint? hint, CancellationToken cancellationToken)
    {
        if (releaseId <= 0)
        {
            return EditResult<CollectionItemView>.Invalid("release_id", "A release id is a positive number.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FolderErrorAsync(db, folderId, cancellationToken) is { } folderError)
        {
            return EditResult<CollectionItemView>.Invalid("folder_id", folderError);
        }

        if (!await db.Releases.AnyAsync(r => r.Id == releaseId, cancellationToken))
        {
            // Listed with what the Search page knew; the next sync writes Discogs' page data and details over it.
            var title = string.IsNullOrWhiteSpace(hint?.Title) ? $"Release {releaseId}" : hint.Title.Trim();
            var artist = hint?.Artist?.Trim() ?? "";
            db.Releases.Add(new Release
            {
                Id = releaseId, Title = title, ArtistDisplay = artist, Year = hint?.Year is > 0 ? hint.Year : null, Thumb = hint?.Thumb,
                TitleSort = TextFold.Fold(title), ArtistSort = TextFold.Fold(artist), SearchText = TextFold.Fold($"{title} {artist}"),
            });
        }

        var copy = new CollectionInstance
        {
            InstanceId = await NextLocalInstanceIdAsync(db, cancellationToken),
            ReleaseId = releaseId,
            FolderId = folderId,
            DateAdded = time.GetUtcNow().UtcDateTime,
        };
        db.Instances.Add(copy);
        var entry = Entry(OutboxKind.Add, copy, copy.DateAdded, null, null);
        entry.ToFolderId = folderId;
        await RecordAsync(db, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<CollectionItemView>.Done((await queries.GetItemAsync(copy.InstanceId, cancellationToken))!);
    }

    /// <summary>Removes a copy locally at once; Discogs hears it from the outbox. A copy whose add was never sent just goes.</summary>
    public async Task<EditResult<RemovedCopyView>> RemoveAsync(long instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var copy = await db.Instances.Include(i => i.Notes).SingleOrDefaultAsync(i => i.InstanceId == instanceId, cancellationToken);
        if (copy is null)
        {
            return EditResult<RemovedCopyView>.NotFound($"No copy with instance id {instanceId} in the collection.");
        }

        var add = await db.Outbox.SingleOrDefaultAsync(e => e.Kind == OutboxKind.Add && e.InstanceId == instanceId && e.State != OutboxState.Sent, cancellationToken);
        var pending = true;
        if (add is { State: OutboxState.Pending or OutboxState.Failed })
        {
            // Discogs never heard of this copy: forget it and everything queued for it.
            await db.Outbox.Where(e => e.InstanceId == instanceId).ExecuteDeleteAsync(cancellationToken);
            pending = false;
        }
        else
        {
            var removed = new RemovedCopy(copy.FolderId, copy.Rating, copy.DateAdded, copy.Notes.ToDictionary(n => n.FieldId, n => n.Value));
            db.Outbox.Add(Entry(OutboxKind.Remove, copy, time.GetUtcNow().UtcDateTime, null, JsonSerializer.Serialize(removed)));
        }

        db.Instances.Remove(copy);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<RemovedCopyView>.Done(new RemovedCopyView(instanceId, copy.ReleaseId, Removed: true, pending));
    }
}

/// <summary>The answer to a removal: the copy is gone locally; <see cref="Pending"/> while Discogs has not heard it.</summary>
public sealed record RemovedCopyView(long InstanceId, long ReleaseId, bool Removed, bool Pending);
