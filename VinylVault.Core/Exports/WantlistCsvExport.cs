using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Exports;

/// <summary>The wantlist as CSV in the columns of Discogs' own wantlist export, oldest want first, streamed.</summary>
public sealed class WantlistCsvExport(IDbContextFactory<VaultDbContext> contexts)
{
    public static readonly string[] Columns = ["Catalog#", "Artist", "Title", "Label", "Format", "Rating", "Released", "release_id", "Notes"];

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var options = CsvWriterOptions.Default with { Injection = CsvInjection.None };
        await using var csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(Columns);
        await foreach (var want in db.Wants.AsNoTracking().OrderBy(w => w.DateAdded).ThenBy(w => w.ReleaseId).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.WriteField(want.CatalogNumbers);
            csv.WriteField(want.ArtistDisplay);
            csv.WriteField(want.Title);
            csv.WriteField(want.Labels);
            csv.WriteField(string.Join(", ", want.Formats));
            csv.WriteField(want.Rating > 0 ? want.Rating.ToString(CultureInfo.InvariantCulture) : "");
            csv.WriteField(want.Year?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(want.ReleaseId.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(want.Notes);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
