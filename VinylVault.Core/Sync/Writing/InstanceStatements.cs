using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync.Writing;

/// <summary>
/// Writes owned copies (instances) with their custom-field notes, folders and fields, and prunes what vanished.
/// Local edits win: a value with an outbox entry not yet sent (or sent during this run, after Discogs' page was
/// read) is kept, a copy whose removal is queued is not listed again, and one whose add is queued is not pruned.
/// </summary>
internal sealed class InstanceStatements(SqlBatch batch, long outboxWatermark)
{
    private readonly Statement _instance = batch.Prepare(
        "INSERT INTO CollectionInstances (InstanceId, ReleaseId, FolderId, Rating, DateAdded) SELECT @p0, @p1, @p2, @p3, @p4 " +
        $"WHERE NOT {Edit("'Remove'", "@p0", "@p5")} " +
        "ON CONFLICT(InstanceId) DO UPDATE SET ReleaseId = excluded.ReleaseId, " +
        $"FolderId = CASE WHEN {Edit("'Move'", "@p0", "@p5")} THEN FolderId ELSE excluded.FolderId END, " +
        $"Rating = CASE WHEN {Edit("'Rating'", "@p0", "@p5")} THEN Rating ELSE excluded.Rating END, DateAdded = excluded.DateAdded", 6);
    private readonly Statement _deleteNotes = batch.Prepare(
        "DELETE FROM InstanceNotes WHERE InstanceId = @p0 AND FieldId NOT IN " +
        "(SELECT o.FieldId FROM OutboxEntries o WHERE o.InstanceId = @p0 AND o.Kind = 'Field' AND (o.State <> 'Sent' OR o.Id >= @p1))", 2);
    private readonly Statement _note = batch.Prepare(
        "INSERT OR REPLACE INTO InstanceNotes (InstanceId, FieldId, Value) SELECT @p0, @p1, @p2 " +
        "WHERE EXISTS (SELECT 1 FROM CollectionInstances WHERE InstanceId = @p0) AND NOT EXISTS " +
        "(SELECT 1 FROM OutboxEntries o WHERE o.InstanceId = @p0 AND o.Kind = 'Field' AND o.FieldId = @p1 AND (o.State <> 'Sent' OR o.Id >= @p3))", 4);

    /// <summary>SQL: an outbox entry of <paramref name="kind"/> for the copy that still speaks for the local state.</summary>
    private static string Edit(string kind, string instance, string watermark) =>
        $"EXISTS (SELECT 1 FROM OutboxEntries o WHERE o.InstanceId = {instance} AND o.Kind = {kind} AND (o.State <> 'Sent' OR o.Id >= {watermark}))";

    public async Task WriteAsync(CollectionItem item, CancellationToken cancellationToken)
    {
        await _instance.RunAsync(cancellationToken, item.InstanceId, item.Id, item.FolderId, item.Rating, item.DateAdded.UtcDateTime, outboxWatermark);
        await _deleteNotes.RunAsync(cancellationToken, item.InstanceId, outboxWatermark);
        foreach (var note in item.Notes.Where(n => !string.IsNullOrEmpty(n.Value)))
        {
            await _note.RunAsync(cancellationToken, item.InstanceId, note.FieldId, note.Value, outboxWatermark);
        }
    }

    /// <summary>Deletes the given instances, then releases nobody owns any more and artists and labels nothing refers to.</summary>
    public static async Task<(int Instances, int Releases)> PruneAsync(SqlBatch batch, IReadOnlyCollection<long> vanished, long outboxWatermark, CancellationToken cancellationToken)
    {
        var instances = await batch.Prepare("DELETE FROM CollectionInstances WHERE InstanceId IN (SELECT value FROM json_each(@p0)) " +
                $"AND NOT {Edit("'Add'", "CollectionInstances.InstanceId", "@p1")}", 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(vanished), outboxWatermark);
        // A release whose copy is removed locally stays until Discogs has heard it: a discard puts the copy back.
        var releases = await batch.Prepare(
            "DELETE FROM Releases WHERE NOT EXISTS (SELECT 1 FROM CollectionInstances i WHERE i.ReleaseId = Releases.Id) " +
            "AND NOT EXISTS (SELECT 1 FROM OutboxEntries o WHERE o.ReleaseId = Releases.Id AND o.State <> 'Sent')", 0).RunAsync(cancellationToken);
        await batch.Prepare("DELETE FROM Artists WHERE NOT EXISTS (SELECT 1 FROM ReleaseArtists a WHERE a.ArtistId = Artists.Id)", 0).RunAsync(cancellationToken);
        await batch.Prepare("DELETE FROM Labels WHERE NOT EXISTS (SELECT 1 FROM ReleaseLabels l WHERE l.LabelId = Labels.Id)", 0).RunAsync(cancellationToken);
        return (instances, releases);
    }

    /// <summary>Discogs' folders, but a folder created, renamed or deleted locally stays as the owner left it until Discogs has heard it.</summary>
    public static async Task ReplaceFoldersAsync(SqlBatch batch, IReadOnlyList<DiscogsFolder> folders, long outboxWatermark, CancellationToken cancellationToken)
    {
        static string FolderEdit(string kind, string folder) =>
            $"EXISTS (SELECT 1 FROM OutboxEntries o WHERE o.InstanceId IS NULL AND o.FolderId = {folder} AND o.Kind = {kind} AND (o.State <> 'Sent' OR o.Id >= @w))";
        await batch.Prepare("DELETE FROM Folders WHERE Id >= 0 AND Id NOT IN (SELECT value FROM json_each(@p0)) " +
                $"AND NOT {FolderEdit("'CreateFolder'", "Folders.Id")}".Replace("@w", "@p1", StringComparison.Ordinal), 2)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(folders.Select(f => f.Id)), outboxWatermark);
        var upsert = batch.Prepare(("INSERT INTO Folders (Id, Name, Count) SELECT @p0, @p1, @p2 " +
            $"WHERE NOT {FolderEdit("'DeleteFolder'", "@p0")} " +
            $"ON CONFLICT(Id) DO UPDATE SET Name = CASE WHEN {FolderEdit("'RenameFolder'", "@p0")} THEN Name ELSE excluded.Name END, Count = excluded.Count")
            .Replace("@w", "@p3", StringComparison.Ordinal), 4);
        foreach (var folder in folders)
        {
            await upsert.RunAsync(cancellationToken, folder.Id, folder.Name, folder.Count, outboxWatermark);
        }
    }

    public static async Task ReplaceFieldsAsync(SqlBatch batch, IReadOnlyList<CollectionField> fields, CancellationToken cancellationToken)
    {
        await batch.Prepare("DELETE FROM CustomFields", 0).RunAsync(cancellationToken);
        var insert = batch.Prepare("INSERT OR REPLACE INTO CustomFields (Id, Name, Type, Position, Options) VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        foreach (var field in fields)
        {
            await insert.RunAsync(cancellationToken, field.Id, field.Name, field.Type, field.Position, JsonSerializer.Serialize(field.Options));
        }
    }
}
