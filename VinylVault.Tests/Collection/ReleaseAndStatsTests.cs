using VinylVault.Core.Collection;

namespace VinylVault.Tests.Collection;

public sealed class ReleaseAndStatsTests(SeededCollection collection) : IClassFixture<SeededCollection>
{
    [Fact]
    public async Task A_release_with_details_has_its_tracklist_in_order_images_credits_and_every_owned_copy()
    {
        var release = await collection.Queries.GetReleaseAsync(2, CancellationToken.None);

        Assert.NotNull(release);
        Assert.True(release.HasDetails);
        Assert.Equal(new DateTime(2024, 6, 1, 10, 0, 0, DateTimeKind.Utc), release.DetailsFetchedAt);
        Assert.Equal(["A1", "A2", "A3", "A4", "A5"], release.Tracklist.Select(t => t.Position));
        Assert.Equal(("Track 3", "3:03"), (release.Tracklist[2].Title, release.Tracklist[2].Duration));
        Assert.Equal(["primary", "secondary"], release.Images.Select(i => i.Type));
        Assert.Equal([new LabelCredit(9002, "Blue Note", "BLP 1577")], release.Labels);
        Assert.Equal(("Sweden", "1999-03-00", "Notes of Blue Train"), (release.Country, release.Released, release.Notes));
        Assert.Equal(new CommunityView(120, 45, 4.25, 33), release.Community);
        Assert.Equal(12.5m, release.LowestPrice);
        Assert.Equal("https://www.discogs.com/release/2-x", release.DiscogsUrl);
        Assert.Equal([(21L, "Uncategorized", 4), (22L, "Jazz shelf", 3)], release.Instances.Select(i => (i.InstanceId, i.FolderName!, i.Rating)));
    }

    [Fact]
    public async Task Credits_keep_the_join_and_custom_field_notes_are_named()
    {
        var release = await collection.Queries.GetReleaseAsync(1, CancellationToken.None);

        Assert.Equal("Kruder & Dorfmeister", release!.Artist);
        Assert.Equal([("Kruder", "&"), ("Dorfmeister", null)], release.Artists.Select(a => (a.Name, a.Join)));
        var notes = release.Instances.Single().Notes;
        Assert.Equal("Near Mint (NM or M-)", notes["Media Condition"]);
        Assert.Equal("Signed", notes["Notes"]);
    }

    [Fact]
    public async Task A_release_without_details_says_so_and_one_not_owned_is_null()
    {
        var tape = await collection.Queries.GetReleaseAsync(3, CancellationToken.None);

        Assert.False(tape!.HasDetails);
        Assert.Null(tape.Year);
        Assert.Empty(tape.Tracklist);
        Assert.Equal("https://www.discogs.com/release/3", tape.DiscogsUrl);
        Assert.Null(await collection.Queries.GetReleaseAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task Stats_count_copies_as_albums_and_group_them_by_genre_decade_format_and_artist()
    {
        var stats = await collection.Queries.GetStatsAsync(CancellationToken.None);

        Assert.Equal((6, 5, 6, 2), (stats.TotalAlbums, stats.TotalReleases, stats.TotalArtists, stats.ReleasesWithDetails));
        Assert.Equal(5, stats.TotalLabels);
        Assert.Equal(4, stats.TotalGenres);
        Assert.Equal(new CountBy("Electronic", 2), stats.ByGenre[0]);
        Assert.Contains(new CountBy("Jazz", 2), stats.ByGenre);
        Assert.Equal([new("1950s", 2), new("1990s", 2), new("2010s", 1), new("Unknown", 1)], stats.ByDecade);
        Assert.Equal(new CountBy("Vinyl", 4), stats.ByFormat[0]);
        Assert.Equal(new CountBy("John Coltrane", 2), stats.TopArtists[0]);
        Assert.Null(stats.LastSync);
    }

    [Fact]
    public async Task Facets_offer_what_the_filters_accept_with_copy_counts()
    {
        var facets = await collection.Queries.GetFacetsAsync(CancellationToken.None);

        Assert.Equal(new CountBy("Electronic", 2), facets.Genres[0]);
        Assert.Contains(new CountBy("Hard Bop", 2), facets.Styles);
        Assert.Contains(new CountBy("LP", 3), facets.Formats);
        Assert.Contains(new CountBy("12\"", 1), facets.Formats);
        Assert.Equal([new(0, "All", 6), new(1, "Uncategorized", 5), new(2, "Jazz shelf", 1)], facets.Folders);
        Assert.Equal((1957, 2012), (facets.YearMin, facets.YearMax));
    }
}
