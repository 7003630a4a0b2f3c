using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync.Writing;

/// <summary>Writes owned copies (instances) with their custom-field notes, folders and fields, and prunes what vanished.</summary>
internal sealed class InstanceStatements(SqlBatch batch)
{
    private readonly Statement _instance = batch.Prepare(
        "INSERT INTO CollectionInstances (InstanceId, ReleaseId, FolderId, Rating, DateAdded) VALUES (@p0, @p1, @p2, @p3, @p4) " +
        "ON CONFLICT(InstanceId) DO UPDATE SET ReleaseId = excluded.ReleaseId, FolderId = excluded.FolderId, Rating = excluded.Rating, DateAdded = excluded.DateAdded", 5);
    private readonly Statement _deleteNotes = batch.Prepare("DELETE FROM InstanceNotes WHERE InstanceId = @p0", 1);
    private readonly Statement _note = batch.Prepare(
        "INSERT OR REPLACE INTO InstanceNotes (InstanceId, FieldId, Value) VALUES (@p0, @p1, @p2)", 3);

    public async Task WriteAsync(CollectionItem item, CancellationToken cancellationToken)
    {
        await _instance.RunAsync(cancellationToken, item.InstanceId, item.Id, item.FolderId, item.Rating, item.DateAdded.UtcDateTime);
        await _deleteNotes.RunAsync(cancellationToken, item.InstanceId);
        foreach (var note in item.Notes.Where(n => !string.IsNullOrEmpty(n.Value)))
        {
            await _note.RunAsync(cancellationToken, item.InstanceId, note.FieldId, note.Value);
        }
    }

    /// <summary>Deletes the given instances, then releases nobody owns any more and artists and labels nothing refers to.</summary>
    public static async Task<(int Instances, int Releases)> PruneAsync(SqlBatch batch, IReadOnlyCollection<long> vanished, CancellationToken cancellationToken)
    {
        var instances = await batch.Prepare("DELETE FROM CollectionInstances WHERE InstanceId IN (SELECT value FROM json_each(@p0))", 1)
            .RunAsync(cancellationToken, JsonSerializer.Serialize(vanished));
        var releases = await batch.Prepare(
            "DELETE FROM Releases WHERE NOT EXISTS (SELECT 1 FROM CollectionInstances i WHERE i.ReleaseId = Releases.Id)", 0).RunAsync(cancellationToken);
        await batch.Prepare("DELETE FROM Artists WHERE NOT EXISTS (SELECT 1 FROM ReleaseArtists a WHERE a.ArtistId = Artists.Id)", 0).RunAsync(cancellationToken);
        await batch.Prepare("DELETE FROM Labels WHERE NOT EXISTS (SELECT 1 FROM ReleaseLabels l WHERE l.LabelId = Labels.Id)", 0).RunAsync(cancellationToken);
        return (instances, releases);
    }

    public static async Task ReplaceFoldersAsync(SqlBatch batch, IReadOnlyList<DiscogsFolder> folders, CancellationToken cancellationToken)
    {
        await batch.Prepare("DELETE FROM Folders", 0).RunAsync(cancellationToken);
        var insert = batch.Prepare("INSERT OR REPLACE INTO Folders (Id, Name, Count) VALUES (@p0, @p1, @p2)", 3);
        foreach (var folder in folders)
        {
            await insert.RunAsync(cancellationToken, folder.Id, folder.Name, folder.Count);
        }
    }

    public static async Task ReplaceFieldsAsync(SqlBatch batch, IReadOnlyList<CollectionField> fields, CancellationToken cancellationToken)
    {
        await batch.Prepare("DELETE FROM CustomFields", 0).RunAsync(cancellationToken);
        var insert = batch.Prepare("INSERT OR REPLACE INTO CustomFields (Id, Name, Type, Position) VALUES (@p0, @p1, @p2, @p3)", 4);
        foreach (var field in fields)
        {
            await insert.RunAsync(cancellationToken, field.Id, field.Name, field.Type, field.Position);
        }
    }
}
