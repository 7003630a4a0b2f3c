using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;

namespace VinylVault.Core.Outbox;

/// <summary>A folder as GET /api/folders lists it: the count is of the local copies, pending changes included.</summary>
public sealed record FolderView(int Id, string Name, int Count, bool Pending);

public sealed partial class CollectionEditor
{
    public async Task<IReadOnlyList<FolderView>> GetFoldersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Instances.GroupBy(i => i.FolderId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var pending = await db.Outbox.Where(e => e.State != OutboxState.Sent && e.InstanceId == null).Select(e => e.FolderId).Distinct().ToListAsync(cancellationToken);
        var folders = await db.Folders.AsNoTracking().OrderBy(f => f.Id < 0).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. folders.Select(f => new FolderView(f.Id, f.Name, f.Id == 0 ? counts.Values.Sum() : counts.GetValueOrDefault(f.Id), pending.Contains(f.Id)))];
    }

    /// <summary>The custom fields an edit can set, in Discogs' order, with a dropdown's options.</summary>
    public async Task<IReadOnlyList<CustomField>> GetFieldsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CustomFields.AsNoTracking().OrderBy(f => f.Position).ToListAsync(cancellationToken);
    }

    public async Task<EditResult<FolderView>> CreateFolderAsync(string? name, CancellationToken cancellationToken)
    {
        if (EditRules.FolderName(name) is { } problem)
        {
            return EditResult<FolderView>.Invalid("name", problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lowest = Math.Min(
            await db.Folders.MinAsync(f => (int?)f.Id, cancellationToken) ?? 0,
            Math.Min(await db.Outbox.MinAsync(e => e.FolderId, cancellationToken) ?? 0, await db.Outbox.MinAsync(e => e.ToFolderId, cancellationToken) ?? 0));
        var folder = new Folder { Id = Math.Min(0, lowest) - 1, Name = name!.Trim() };
        db.Folders.Add(folder);
        await RecordAsync(db, FolderEntry(OutboxKind.CreateFolder, folder.Id, folder.Name, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<FolderView>.Done(new FolderView(folder.Id, folder.Name, 0, true));
    }

    public async Task<EditResult<FolderView>> RenameFolderAsync(int id, string? name, CancellationToken cancellationToken)
    {
        if (EditRules.FolderName(name) is { } problem)
        {
            return EditResult<FolderView>.Invalid("name", problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var folder = await db.Folders.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (folder is null)
        {
            return EditResult<FolderView>.NotFound($"There is no folder {id}.");
        }

        if (id is >= 0 and < EditRules.FirstOwnFolder)
        {
            return EditResult<FolderView>.Conflict($"Discogs does not allow renaming folder {id} ('{folder.Name}').");
        }

        await RecordAsync(db, FolderEntry(OutboxKind.RenameFolder, id, name!.Trim(), folder.Name), cancellationToken);
        folder.Name = name.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<FolderView>.Done(new FolderView(id, folder.Name, await db.Instances.CountAsync(i => i.FolderId == id, cancellationToken), true));
    }

    public async Task<EditResult<FolderView>> DeleteFolderAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var folder = await db.Folders.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (folder is null)
        {
            return EditResult<FolderView>.NotFound($"There is no folder {id}.");
        }

        var count = await db.Instances.CountAsync(i => i.FolderId == id, cancellationToken);
        if (id is >= 0 and < EditRules.FirstOwnFolder || count > 0)
        {
            return EditResult<FolderView>.Conflict(count > 0
                ? $"Folder '{folder.Name}' holds {count} copies: Discogs deletes only an empty folder."
                : $"Discogs does not allow deleting folder {id} ('{folder.Name}').");
        }

        var create = await db.Outbox.SingleOrDefaultAsync(e => e.Kind == OutboxKind.CreateFolder && e.FolderId == id && e.State != OutboxState.Sent, cancellationToken);
        if (create is { State: OutboxState.Pending or OutboxState.Failed })
        {
            await db.Outbox.Where(e => e.InstanceId == null && e.FolderId == id).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            db.Outbox.Add(FolderEntry(OutboxKind.DeleteFolder, id, null, folder.Name));
        }

        db.Folders.Remove(folder);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return EditResult<FolderView>.Done(new FolderView(id, folder.Name, 0, create is not { State: OutboxState.Pending or OutboxState.Failed }));
    }

    private OutboxEntry FolderEntry(OutboxKind kind, int folderId, string? value, string? previous) => new()
    {
        Kind = kind,
        State = OutboxState.Pending,
        FolderId = folderId,
        Value = value,
        Previous = previous,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };
}
