using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Backups;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Exports;

/// <summary>
/// Everything the database knows about the collection as one JSON document: folders, custom fields, and every release
/// with its credits, labels, formats, genres, styles, tracklist, images and the owned copies with their field values.
/// Releases are read in batches by key and written as they come, so memory stays flat.
/// </summary>
public sealed class CollectionJsonExport(IDbContextFactory<VaultDbContext> contexts, TimeProvider time)
{
    private const int BatchSize = 250;

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("exported_at", time.GetUtcNow().UtcDateTime);
        json.WriteString("app_version", BackupManifest.AppVersionNow);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            json.WriteStartArray("folders");
            foreach (var f in await db.Folders.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken))
            {
                json.WriteStartObject();
                json.WriteNumber("id", f.Id);
                json.WriteString("name", f.Name);
                json.WriteNumber("count", f.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("custom_fields");
            foreach (var f in await db.CustomFields.AsNoTracking().OrderBy(f => f.Position).ToListAsync(cancellationToken))
            {
                json.WriteStartObject();
                json.WriteNumber("id", f.Id);
                json.WriteString("name", f.Name);
                json.WriteString("type", f.Type);
                json.WriteNumber("position", f.Position);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartArray("releases");
        long after = long.MinValue;
        while (true)
        {
            // A fresh context per batch: nothing read earlier is kept alive.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await db.Releases.AsNoTracking().AsSplitQuery().Where(r => r.Id > after).OrderBy(r => r.Id).Take(BatchSize)
                .Include(r => r.Artists).ThenInclude(a => a.Artist).Include(r => r.Labels).ThenInclude(l => l.Label)
                .Include(r => r.Formats).Include(r => r.Genres).Include(r => r.Styles).Include(r => r.Tracks).Include(r => r.Images)
                .Include(r => r.Instances).ThenInclude(i => i.Notes)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var release in batch)
            {
                ReleaseJson.Write(json, release);
            }

            after = batch[^1].Id;
            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
