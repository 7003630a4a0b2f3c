using System.Net;
using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Api;

/// <summary>The local collection over REST after a real sync from the simulator, checked field by field against what Discogs said.</summary>
public sealed class CollectionApiTests(SyncedVault vault) : IClassFixture<SyncedVault>
{
    private static readonly string[] ItemFields =
    [
        "instance_id", "release_id", "title", "artist", "year", "genres", "styles", "formats", "labels", "rating", "folder_id",
        "date_added", "thumb", "cover_image", "has_details", "pending", "local_thumb", "local_cover",
    ];

    private IReadOnlyList<CollectionItem> Expected => vault.Discogs.ExpectedCollection();

    [Fact]
    public async Task A_page_has_the_original_shape_and_every_field_matches_discogs()
    {
        using var client = vault.App.CreateKeyClient();
        var page = await ApiAssert.JsonAsync(await client.GetAsync("/api/collection?page_size=500"));
        ApiAssert.HasFields(page, "items", "page", "page_size", "total");
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(500, page.GetProperty("page_size").GetInt32());
        Assert.Equal(Expected.Count, page.GetProperty("total").GetInt32());

        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("instance_id").GetInt64());
        Assert.Equal(Expected.Count, items.Count);
        foreach (var expected in Expected)
        {
            var item = items[expected.InstanceId];
            ApiAssert.HasFields(item, ItemFields);
            var info = expected.BasicInformation;
            Assert.Equal(expected.Id, item.GetProperty("release_id").GetInt64());
            Assert.Equal(info.Title, item.GetProperty("title").GetString());
            Assert.Equal(DiscogsDisplay.ArtistName(info.Artists), item.GetProperty("artist").GetString());
            Assert.Equal(DiscogsDisplay.Known(info.Year), item.GetProperty("year").ValueKind == JsonValueKind.Null ? null : item.GetProperty("year").GetInt32());
            Assert.Equal(info.Genres.Order(), Strings(item, "genres").Order());
            Assert.Equal(info.Styles.Order(), Strings(item, "styles").Order());
            Assert.Contains(info.Formats[0].Name, Strings(item, "formats"));
            Assert.Equal(info.Labels.Select(l => l.Name).Distinct().Order(), Strings(item, "labels").Order());
            Assert.Equal(expected.Rating, item.GetProperty("rating").GetInt32());
            Assert.Equal(expected.FolderId, item.GetProperty("folder_id").GetInt32());
            Assert.Equal(expected.DateAdded.UtcDateTime, item.GetProperty("date_added").GetDateTime().ToUniversalTime());
            Assert.EndsWith("Z", item.GetProperty("date_added").GetString(), StringComparison.Ordinal);
            Assert.Equal(info.Thumb, item.GetProperty("thumb").GetString());
            Assert.Equal(info.CoverImage, item.GetProperty("cover_image").GetString());
            Assert.True(item.GetProperty("has_details").GetBoolean());
        }
    }

    [Fact]
    public async Task Filters_narrow_the_page_to_exactly_the_matching_copies()
    {
        using var client = vault.App.CreateKeyClient();
        var genre = Expected.SelectMany(e => e.BasicInformation.Genres).GroupBy(g => g).OrderByDescending(g => g.Count()).First().Key;
        await AssertIdsAsync(client, $"genre={Uri.EscapeDataString(genre)}", Expected.Where(e => e.BasicInformation.Genres.Contains(genre)));

        var style = Expected.SelectMany(e => e.BasicInformation.Styles).First();
        await AssertIdsAsync(client, $"style={Uri.EscapeDataString(style)}", Expected.Where(e => e.BasicInformation.Styles.Contains(style)));

        await AssertIdsAsync(client, "year_from=1980&year_to=1989", Expected.Where(e => e.BasicInformation.Year is >= 1980 and <= 1989));
        await AssertIdsAsync(client, "rating=0", Expected.Where(e => e.Rating == 0));
        var folder = Expected.Select(e => e.FolderId).First(f => f != 0);
        await AssertIdsAsync(client, $"folder_id={folder}", Expected.Where(e => e.FolderId == folder));

        var title = Expected[0].BasicInformation.Title;
        var found = await PageAsync(client, $"q={Uri.EscapeDataString(title.ToUpperInvariant())}");
        Assert.Contains(Expected[0].InstanceId, found.Select(i => i.GetProperty("instance_id").GetInt64()));
    }

    [Fact]
    public async Task Sorting_and_paging_follow_the_parameters()
    {
        using var client = vault.App.CreateKeyClient();
        var byYear = await PageAsync(client, "sort=year&order=desc");
        var years = byYear.Select(i => i.GetProperty("year")).Where(y => y.ValueKind != JsonValueKind.Null).Select(y => y.GetInt32()).ToList();
        Assert.Equal(years.OrderDescending(), years);

        var byDate = await PageAsync(client, "sort=date_added&order=asc");
        var dates = byDate.Select(i => i.GetProperty("date_added").GetDateTime()).ToList();
        Assert.Equal(dates.Order(), dates);

        var first = await ApiAssert.JsonAsync(await client.GetAsync("/api/collection?sort=date_added&page_size=7&page=1"));
        var second = await ApiAssert.JsonAsync(await client.GetAsync("/api/collection?sort=date_added&page_size=7&page=2"));
        Assert.Equal(7, second.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(7, second.GetProperty("page_size").GetInt32());
        var one = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("instance_id").GetInt64());
        var two = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("instance_id").GetInt64());
        Assert.Empty(one.Intersect(two));
    }

    [Theory]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=501", "page_size")]
    [InlineData("page=0", "page")]
    [InlineData("sort=price", "sort")]
    [InlineData("sort=Title", "sort")]
    [InlineData("order=sideways", "order")]
    [InlineData("rating=6", "rating")]
    [InlineData("year_from=-1", "year_from")]
    public async Task Bad_parameters_are_a_400_naming_the_parameter(string query, string parameter)
    {
        using var client = vault.App.CreateKeyClient();
        await ApiAssert.ValidationProblemAsync(await client.GetAsync($"/api/collection?{query}"), parameter);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_naming_the_parameter()
    {
        using var client = vault.App.CreateKeyClient();
        await ApiAssert.ValidationProblemAsync(await client.GetAsync("/api/collection?year_from=nineteen-eighty"), "year_from");
        await ApiAssert.ValidationProblemAsync(await client.GetAsync("/api/collection?page=99999999999999999999"), "page");
        await ApiAssert.ValidationProblemAsync(await client.GetAsync("/api/search?q=a&limit=ten"), "limit");
    }

    [Fact]
    public async Task A_release_comes_with_tracklist_images_notes_and_owned_copies()
    {
        using var client = vault.App.CreateKeyClient();
        var owned = Expected.GroupBy(e => e.Id).OrderByDescending(g => g.Count()).First();
        var expected = vault.Discogs.ExpectedRelease(owned.Key)!;
        var release = await ApiAssert.JsonAsync(await client.GetAsync($"/api/releases/{owned.Key}"));

        Assert.Equal(owned.Key, release.GetProperty("id").GetInt64());
        Assert.Equal(expected.Title, release.GetProperty("title").GetString());
        Assert.Equal(DiscogsDisplay.ArtistName(expected.Artists), release.GetProperty("artist").GetString());
        Assert.Equal(expected.Notes, release.GetProperty("notes").GetString());
        var tracks = release.GetProperty("tracklist").EnumerateArray().ToList();
        Assert.Equal(expected.Tracklist.Count, tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            ApiAssert.HasFields(tracks[i], "position", "title", "duration", "type");
            Assert.Equal(expected.Tracklist[i].Position, tracks[i].GetProperty("position").GetString());
            Assert.Equal(expected.Tracklist[i].Title, tracks[i].GetProperty("title").GetString());
        }

        Assert.Equal(expected.Images.Count, release.GetProperty("images").GetArrayLength());
        var instances = release.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("instance_id").GetInt64()).Order();
        Assert.Equal(owned.Select(o => o.InstanceId).Order(), instances);
    }

    [Fact]
    public async Task An_unknown_release_is_a_404_problem()
    {
        using var client = vault.App.CreateKeyClient();
        var problem = await ApiAssert.ProblemAsync(await client.GetAsync("/api/releases/987654321"), HttpStatusCode.NotFound);
        Assert.Contains("987654321", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_and_history_describe_the_collection_and_the_run()
    {
        using var client = vault.App.CreateKeyClient();
        var stats = await ApiAssert.JsonAsync(await client.GetAsync("/api/stats"));
        Assert.Equal(Expected.Count, stats.GetProperty("total_albums").GetInt32());
        foreach (var list in new[] { "by_genre", "by_decade", "by_format", "top_artists" })
        {
            var counts = stats.GetProperty(list).EnumerateArray().ToList();
            Assert.NotEmpty(counts);
            ApiAssert.HasFields(counts[0], "name", "count");
        }

        Assert.Equal(Expected.Count, stats.GetProperty("by_decade").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        Assert.Equal("completed", stats.GetProperty("last_sync").GetProperty("outcome").GetString());

        var history = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/history"));
        var run = history.GetProperty("runs").EnumerateArray().First();
        Assert.Equal("completed", run.GetProperty("outcome").GetString());
        Assert.Equal(Expected.Count, run.GetProperty("total_items").GetInt32());
        Assert.True(run.GetProperty("requests_made").GetInt32() >= Expected.Select(e => e.Id).Distinct().Count());
        Assert.Equal(0, run.GetProperty("error_count").GetInt32());
        Assert.Empty(run.GetProperty("errors").EnumerateArray());
        Assert.True(run.GetProperty("duration").GetDouble() > 0);
    }

    private static async Task<List<JsonElement>> PageAsync(HttpClient client, string query)
    {
        var page = await ApiAssert.JsonAsync(await client.GetAsync($"/api/collection?page_size=500&{query}"));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task AssertIdsAsync(HttpClient client, string query, IEnumerable<CollectionItem> expected)
    {
        var ids = (await PageAsync(client, query)).Select(i => i.GetProperty("instance_id").GetInt64()).Order().ToList();
        var wanted = expected.Select(e => e.InstanceId).Order().ToList();
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted, ids);
    }

    private static IEnumerable<string> Strings(JsonElement item, string name) => item.GetProperty(name).EnumerateArray().Select(s => s.GetString()!);
}
