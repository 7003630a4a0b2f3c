using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Exports;
using VinylVault.Tests.Api;

namespace VinylVault.Tests.Exports;

/// <summary>The exports of a synced collection, read back the way another tool reads them.</summary>
public sealed class ExportTests(SyncedVault vault) : IClassFixture<SyncedVault>
{
    private static readonly string[] AwkwardNotes =
    [
        "Ünïcødé 𝄞 Åsa's, \"quoted\" and, commas", "two\nlines\r\nand a CRLF", "=SUM(A1:A2) stays as written", "", "  spaces around  ",
    ];

    [Fact]
    public async Task The_csv_has_Discogs_columns_and_reads_back_row_for_row_as_the_database_holds_it()
    {
        var contexts = vault.App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
        await SetAwkwardNotesAsync(contexts);
        using var client = vault.App.CreateKeyClient();

        using var response = await client.GetAsync("/api/export/collection.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^vinylvault-collection-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        using var csv = CsvReader.Create(await response.Content.ReadAsStreamAsync());
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "")]);
        }

        Assert.Equal(CollectionCsvExport.Columns, csv.Headers.ToArray());
        Assert.Equal(await ExpectedRowsAsync(contexts), rows.Select(r => string.Join("‖", r)));
        Assert.Equal(SimulatedVault.CollectionSize, rows.Count);
        foreach (var note in AwkwardNotes.Where(n => n.Length > 0))
        {
            Assert.Contains(rows, r => r[12] == note);
        }
    }

    [Fact]
    public async Task The_json_export_holds_every_release_with_its_tracklist_and_copies()
    {
        using var client = vault.App.CreateKeyClient();
        using var response = await client.GetAsync("/api/export/collection.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^vinylvault-collection-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = json.RootElement;
        var releases = root.GetProperty("releases").EnumerateArray().ToList();
        var contexts = vault.App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(await db.Releases.CountAsync(), releases.Count);
        Assert.Equal(SimulatedVault.CollectionSize, releases.Sum(r => r.GetProperty("copies").GetArrayLength()));
        Assert.Equal(await db.Tracks.CountAsync(), releases.Sum(r => r.GetProperty("tracklist").GetArrayLength()));
        Assert.Equal(await db.ReleaseLabels.CountAsync(), releases.Sum(r => r.GetProperty("labels").GetArrayLength()));
        Assert.Equal(await db.Folders.CountAsync(), root.GetProperty("folders").GetArrayLength());
        var first = releases[0];
        var stored = await db.Releases.AsNoTracking().Include(r => r.Tracks).SingleAsync(r => r.Id == first.GetProperty("id").GetInt64());
        Assert.Equal(stored.Title, first.GetProperty("title").GetString());
        Assert.Equal(stored.Tracks.OrderBy(t => t.Sequence).Select(t => t.Title), first.GetProperty("tracklist").EnumerateArray().Select(t => t.GetProperty("title").GetString()));
    }

    private static async Task SetAwkwardNotesAsync(IDbContextFactory<VaultDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var notesField = await db.CustomFields.SingleAsync(f => f.Name == "Notes");
        var instances = await db.Instances.OrderBy(i => i.InstanceId).Take(AwkwardNotes.Length).Select(i => i.InstanceId).ToListAsync();
        for (var i = 0; i < instances.Count; i++)
        {
            await db.InstanceNotes.Where(n => n.InstanceId == instances[i] && n.FieldId == notesField.Id).ExecuteDeleteAsync();
            db.InstanceNotes.Add(new InstanceNote { InstanceId = instances[i], FieldId = notesField.Id, Value = AwkwardNotes[i] });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>What each row should say, from the database through EF Core (not the export's own query), in the export's order.</summary>
    private static async Task<List<string>> ExpectedRowsAsync(IDbContextFactory<VaultDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var fields = await db.CustomFields.ToDictionaryAsync(f => f.Id, f => f.Name);
        var folders = await db.Folders.ToDictionaryAsync(f => f.Id, f => f.Name);
        var copies = await db.Instances.AsNoTracking().AsSplitQuery().Include(i => i.Notes)
            .Include(i => i.Release).ThenInclude(r => r.Labels).ThenInclude(l => l.Label).Include(i => i.Release).ThenInclude(r => r.Formats)
            .OrderBy(i => i.DateAdded).ThenBy(i => i.InstanceId).ToListAsync();
        return [.. copies.Select(i =>
        {
            var r = i.Release;
            var labels = r.Labels.OrderBy(l => l.Sequence).ToList();
            string Field(string name) => i.Notes.FirstOrDefault(n => fields.GetValueOrDefault(n.FieldId) == name)?.Value ?? "";
            return string.Join("‖",
                string.Join(", ", labels.Select(l => l.Catno ?? "")), r.ArtistDisplay, r.Title, string.Join(", ", labels.Select(l => l.Label.Name)),
                string.Join(" + ", r.Formats.OrderBy(f => f.Sequence).Select(Format)), i.Rating > 0 ? i.Rating.ToString(CultureInfo.InvariantCulture) : "",
                r.Year?.ToString(CultureInfo.InvariantCulture) ?? "", r.Id.ToString(CultureInfo.InvariantCulture), folders.GetValueOrDefault(i.FolderId) ?? "",
                i.DateAdded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Field("Media Condition"), Field("Sleeve Condition"), Field("Notes"));
        })];
    }

    private static string Format(ReleaseFormat f)
    {
        var words = f.Descriptions.Count > 0 ? [.. f.Descriptions] : new List<string> { f.Name };
        if (f.Qty > 1)
        {
            words[0] = $"{f.Qty}x{words[0]}";
        }

        if (!string.IsNullOrEmpty(f.Text))
        {
            words.Add(f.Text);
        }

        return string.Join(", ", words);
    }
}
