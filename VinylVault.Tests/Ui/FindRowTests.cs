using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Wantlist;
using VinylVault.Ui.Find;

namespace VinylVault.Tests.Ui;

public sealed class FindRowTests
{
    private static readonly Dictionary<int, string> Folders = new() { [1] = "Uncategorized", [7] = "Sell Pile" };

    [Fact]
    public void Copies_of_one_release_are_one_row_saying_how_many_and_in_which_folders()
    {
        IReadOnlyList<CollectionItemView> owned = [Copy(11, 500, folder: 7), Copy(12, 500, folder: 1), Copy(13, 600, folder: 1)];

        var rows = FindRow.Build(owned, Folders, discogs: null);

        Assert.Equal(["you own 2 copies (Sell Pile, Uncategorized)", "you own 1 copy (Uncategorized)"], rows.Select(r => r.Verdict));
    }

    [Fact]
    public void Discogs_results_add_the_releases_not_owned_as_not_yours()
    {
        IReadOnlyList<SearchResult> discogs =
        [
            new() { Id = 500, Type = "release", Title = "Artist - Owned" },
            new() { Id = 900, Type = "release", Title = "Someone - Elsewhere", Year = 1999 },
        ];

        var rows = FindRow.Build([Copy(11, 500, folder: 1)], Folders, discogs);

        Assert.Equal([(500L, true), (900L, false)], rows.Select(r => (r.ReleaseId, r.Owned)));
        Assert.Equal(("Elsewhere", "Someone", "not yours"), (rows[1].Title, rows[1].Artist, rows[1].Verdict));
    }

    [Fact]
    public void Wants_not_owned_are_rows_of_their_own_and_a_wanted_result_from_Discogs_says_so()
    {
        IReadOnlyList<WantView> wanted =
        [
            new(500, "Owned and wanted", "Artist", 2001, ["Vinyl"], null, "", 0, DateTime.UtcNow, InCollection: true),
            new(700, "Only wanted", "Artist", 1977, ["LP"], null, "", 4, DateTime.UtcNow, InCollection: false),
            new(900, "Elsewhere", "Someone", 1999, [], null, "", 0, DateTime.UtcNow, InCollection: false),
        ];
        IReadOnlyList<SearchResult> discogs = [new() { Id = 900, Type = "release", Title = "Someone - Elsewhere" }, new() { Id = 901, Type = "release", Title = "B - Other" }];

        var rows = FindRow.Build([Copy(11, 500, folder: 1)], Folders, discogs, wanted);

        Assert.Equal([(500L, "you own 1 copy (Uncategorized)"), (700L, "on your wantlist"), (900L, "on your wantlist"), (901L, "not yours")],
            rows.Select(r => (r.ReleaseId, r.Verdict)));
        Assert.Equal("1977 · LP", rows[1].Meta);
        Assert.Equal([null, null, 900L, 901L], rows.Select(r => r.FromDiscogs?.Id));
    }

    private static CollectionItemView Copy(long instanceId, long releaseId, int folder) => new(
        instanceId, releaseId, $"Title {releaseId}", "Artist", 2001, [], [], ["Vinyl"], ["Label"], 0, folder, DateTime.UtcNow, null, null, true);
}
