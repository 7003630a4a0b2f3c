using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Sync;

/// <summary>Compares what a sync stored with what the simulator holds, and databases with each other.</summary>
public static class DatabaseDump
{
    /// <summary>Every owned copy and every release's credits and tracklist, one line each, in a stable order, without fetch times.</summary>
    public static async Task<List<string>> CaptureAsync(IDbContextFactory<VaultDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var lines = new List<string>();
        foreach (var i in await db.Instances.AsNoTracking().Include(i => i.Notes).OrderBy(i => i.InstanceId).ToListAsync())
        {
            lines.Add(Line("instance", i.InstanceId, i.ReleaseId, i.FolderId, i.Rating, i.DateAdded.ToString("O", CultureInfo.InvariantCulture),
                string.Join(";", i.Notes.OrderBy(n => n.FieldId).Select(n => $"{n.FieldId}={n.Value}"))));
        }

        var releases = await db.Releases.AsNoTracking().AsSplitQuery()
            .Include(r => r.Artists).ThenInclude(a => a.Artist).Include(r => r.Labels).ThenInclude(l => l.Label)
            .Include(r => r.Formats).Include(r => r.Genres).Include(r => r.Styles).Include(r => r.Tracks).Include(r => r.Images)
            .OrderBy(r => r.Id).ToListAsync();
        foreach (var r in releases)
        {
            lines.Add(Line("release", r.Id, r.Title, r.Year, r.ArtistDisplay, r.Country, r.Released, r.Notes, r.MasterId, r.Thumb, r.CoverImage,
                r.DataQuality, r.DiscogsUrl, r.CommunityHave, r.CommunityWant, r.CommunityRating, r.CommunityRatingCount, r.LowestPrice, r.NumForSale,
                r.HasDetails, r.DetailsNotFound, r.SearchText));
            lines.AddRange(r.Artists.OrderBy(a => a.Sequence).Select(a => Line(" artist", a.Sequence, a.ArtistId, a.Artist.Name, a.Anv, a.Join)));
            lines.AddRange(r.Labels.OrderBy(l => l.Sequence).Select(l => Line(" label", l.Sequence, l.LabelId, l.Label.Name, l.Catno)));
            lines.AddRange(r.Formats.OrderBy(f => f.Sequence).Select(f => Line(" format", f.Sequence, f.Name, f.Qty, f.Text, string.Join(",", f.Descriptions))));
            lines.AddRange(r.Genres.Select(g => g.Name).Order().Select(g => Line(" genre", g)));
            lines.AddRange(r.Styles.Select(s => s.Name).Order().Select(s => Line(" style", s)));
            lines.AddRange(r.Tracks.OrderBy(t => t.Sequence).Select(t => Line(" track", t.Sequence, t.Position, t.Title, t.Duration, t.Type)));
            lines.AddRange(r.Images.OrderBy(i => i.Sequence).Select(i => Line(" image", i.Sequence, i.Type, i.Uri, i.Uri150, i.Width, i.Height)));
        }

        lines.AddRange((await db.Folders.AsNoTracking().OrderBy(f => f.Id).ToListAsync()).Select(f => Line("folder", f.Id, f.Name)));
        lines.AddRange((await db.CustomFields.AsNoTracking().OrderBy(f => f.Id).ToListAsync()).Select(f => Line("field", f.Id, f.Name, f.Type, f.Position)));
        return lines;
    }

    /// <summary>The stored collection is the simulator's: copies, ratings, folders, notes, and for every release its artists and tracklist.</summary>
    public static async Task AssertMatchesSimulatorAsync(IDbContextFactory<VaultDbContext> contexts, SimulatorServer server)
    {
        var expected = server.ExpectedCollection();
        await using var db = await contexts.CreateDbContextAsync();
        var stored = await db.Instances.AsNoTracking().Include(i => i.Notes).OrderBy(i => i.InstanceId).ToListAsync();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(
            expected.Select(e => (e.InstanceId, e.Id, e.FolderId, e.Rating, e.DateAdded.UtcDateTime, Notes(e.Notes.Where(n => !string.IsNullOrEmpty(n.Value)).Select(n => (n.FieldId, n.Value!))))),
            stored.Select(s => (s.InstanceId, s.ReleaseId, s.FolderId, s.Rating, s.DateAdded, Notes(s.Notes.Select(n => (n.FieldId, n.Value))))));

        var releases = await db.Releases.AsNoTracking().AsSplitQuery().Include(r => r.Artists).ThenInclude(a => a.Artist).Include(r => r.Tracks)
            .ToDictionaryAsync(r => r.Id);
        Assert.Equal(expected.Select(e => e.Id).Distinct().Order(), releases.Keys.Order());
        foreach (var release in releases.Values)
        {
            var truth = server.ExpectedRelease(release.Id)!;
            Assert.True(release.HasDetails, $"release {release.Id} has no details");
            Assert.Equal(truth.Title, release.Title);
            Assert.Equal(truth.Artists.Select(a => (a.Id, a.Name, Blank(a.Anv), Blank(a.Join))),
                release.Artists.OrderBy(a => a.Sequence).Select(a => (a.ArtistId, a.Artist.Name, a.Anv, a.Join)));
            Assert.Equal(truth.Tracklist.Select(t => (t.Position, t.Title, Blank(t.Duration))),
                release.Tracks.OrderBy(t => t.Sequence).Select(t => (t.Position, t.Title, t.Duration)));
        }
    }

    private static string Notes(IEnumerable<(int FieldId, string Value)> notes) =>
        string.Join(";", notes.OrderBy(n => n.FieldId).Select(n => $"{n.FieldId}={n.Value}"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Line(string kind, params object?[] values) =>
        kind + "|" + string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "∅"));
}
