using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Exports;

/// <summary>
/// The collection as CSV in the columns of Discogs' own collection export, so whatever reads a Discogs export reads
/// this one. Rows stream from one query straight into the writer: memory stays flat however large the collection.
/// </summary>
public sealed class CollectionCsvExport(IDbContextFactory<VaultDbContext> contexts)
{
    public static readonly string[] Columns =
    [
        "Catalog#", "Artist", "Title", "Label", "Format", "Rating", "Released", "release_id", "CollectionFolder", "Date Added",
        "Collection Media Condition", "Collection Sleeve Condition", "Collection Notes",
    ];

    public const string DateAddedFormat = "yyyy-MM-dd HH:mm:ss";

    // Copies in the order they were added; the custom fields by the names Discogs gives them.
    private const string Query = """
        SELECT i.InstanceId, i.ReleaseId, r.ArtistDisplay AS Artist, r.Title, r.Year, i.Rating, i.DateAdded, f.Name AS Folder,
          (SELECT group_concat(COALESCE(rl.Catno, ''), ', ' ORDER BY rl.Sequence) FROM ReleaseLabels rl WHERE rl.ReleaseId = r.Id) AS Catalog,
          (SELECT group_concat(l.Name, ', ' ORDER BY rl.Sequence) FROM ReleaseLabels rl JOIN Labels l ON l.Id = rl.LabelId WHERE rl.ReleaseId = r.Id) AS Labels,
          (SELECT json_group_array(json_object('name', rf.Name, 'qty', rf.Qty, 'text', rf.Text, 'descriptions', json(rf.Descriptions)) ORDER BY rf.Sequence)
             FROM ReleaseFormats rf WHERE rf.ReleaseId = r.Id) AS FormatsJson,
          (SELECT n.Value FROM InstanceNotes n JOIN CustomFields c ON c.Id = n.FieldId WHERE n.InstanceId = i.InstanceId AND c.Name = 'Media Condition') AS MediaCondition,
          (SELECT n.Value FROM InstanceNotes n JOIN CustomFields c ON c.Id = n.FieldId WHERE n.InstanceId = i.InstanceId AND c.Name = 'Sleeve Condition') AS SleeveCondition,
          (SELECT n.Value FROM InstanceNotes n JOIN CustomFields c ON c.Id = n.FieldId WHERE n.InstanceId = i.InstanceId AND c.Name = 'Notes') AS Notes
        FROM CollectionInstances i
        JOIN Releases r ON r.Id = i.ReleaseId
        LEFT JOIN Folders f ON f.Id = i.FolderId
        ORDER BY i.DateAdded, i.InstanceId
        """;

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Values go out exactly as stored (Discogs' export does the same); a spreadsheet user opens the file as text.
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.None };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(Columns);
        await foreach (var row in db.Database.SqlQueryRaw<CollectionCsvRow>(Query).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Catalog ?? "");
            csv.WriteField(row.Artist);
            csv.WriteField(row.Title);
            csv.WriteField(row.Labels ?? "");
            csv.WriteField(row.Format());
            csv.WriteField(row.Rating > 0 ? row.Rating.ToString(CultureInfo.InvariantCulture) : "");
            csv.WriteField(row.Year?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.ReleaseId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Folder ?? "");
            csv.WriteField(row.DateAdded.ToString(DateAddedFormat, CultureInfo.InvariantCulture));
            csv.WriteField(row.MediaCondition ?? "");
            csv.WriteField(row.SleeveCondition ?? "");
            csv.WriteField(row.Notes ?? "");
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
