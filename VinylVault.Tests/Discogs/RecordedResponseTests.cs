using System.Text.Json;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Discogs;

/// <summary>Real Discogs answers (Discogs/Recorded, see its NOTICE) parse, with every trap of the API handled.</summary>
public sealed class RecordedResponseTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Discogs", "Recorded");

    private static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Folder, file)), DiscogsJson.Options)
        ?? throw new InvalidOperationException(file);

    public static TheoryData<string, Type> Files => new()
    {
        { "collection-folder-0-releases-page-1.json", typeof(CollectionPage) },
        { "collection-folders.json", typeof(FolderList) },
        { "collection-value.json", typeof(CollectionValue) },
        { "database-search-q-trash80.json", typeof(SearchResults) },
        { "marketplace-stats-1.json", typeof(MarketplaceStats) },
        { "oauth-identity.json", typeof(DiscogsIdentity) },
        { "release-1.json", typeof(DiscogsRelease) },
        { "release-2.json", typeof(DiscogsRelease) },
        { "release-3.json", typeof(DiscogsRelease) },
        { "release-3329867.json", typeof(DiscogsRelease) },
        { "release-79.json", typeof(DiscogsRelease) },
        { "wants-page-1.json", typeof(WantlistPage) },
    };

    [Fact]
    public void Every_recorded_file_is_covered()
    {
        var recorded = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName);
        Assert.Equal(recorded.Order(), Files.Select(row => (string)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_recorded_file_parses(string file, Type type)
    {
        var json = File.ReadAllText(Path.Combine(Folder, file));
        Assert.NotNull(JsonSerializer.Deserialize(json, type, DiscogsJson.Options));
    }

    [Fact]
    public void Collection_page_keeps_each_instance_and_its_basic_information()
    {
        var page = Read<CollectionPage>("collection-folder-0-releases-page-1.json");

        Assert.Equal(3, page.Pagination.Items);
        Assert.Equal([101L, 102L, 103L], page.Releases.Select(r => r.InstanceId));
        var first = page.Releases[0];
        Assert.Equal(6794957, first.Id);
        Assert.Equal(new DateTimeOffset(2015, 4, 14, 3, 23, 29, TimeSpan.FromHours(-7)), first.DateAdded);
        Assert.Equal("The K&D Sessions™", first.BasicInformation.Title);
        Assert.Equal(5, first.BasicInformation.Formats[0].Qty); // qty is the string "5"
        Assert.Equal(["LP", "Compilation", "Reissue", "Remastered"], first.BasicInformation.Formats[0].Descriptions);
        Assert.Equal("!K7073LP", first.BasicInformation.Labels[0].Catno);
        Assert.Equal("Kruder & Dorfmeister", DiscogsDisplay.ArtistName(first.BasicInformation.Artists));
        Assert.Empty(first.Notes); // notes missing altogether
    }

    [Fact]
    public void Master_id_zero_with_null_master_url_means_no_master()
    {
        var second = Read<CollectionPage>("collection-folder-0-releases-page-1.json").Releases[1].BasicInformation;

        Assert.Equal(0, second.MasterId);
        Assert.Null(second.MasterUrl);
        Assert.Null(DiscogsDisplay.Known(second.MasterId));
        Assert.Equal("Suburbass / MRMNK", DiscogsDisplay.ArtistName(second.Artists));
    }

    [Fact]
    public void Search_year_given_as_a_string_parses_as_a_number()
    {
        var results = Read<SearchResults>("database-search-q-trash80.json").Results;

        var icarus = results.Single(r => r.Id == 1743771);
        Assert.Equal(2008, icarus.Year);
        Assert.Equal(["CDr"], icarus.Format);
        Assert.Equal(["8bitpeoples"], icarus.Label); // a string in old answers, a list in new ones
        var artist = results.Single(r => r.Type == "artist");
        Assert.Null(artist.Year);
        Assert.Null(artist.Thumb);
        Assert.Empty(artist.Format);
    }

    [Fact]
    public void Release_keeps_partial_release_dates_and_full_details()
    {
        var release = Read<DiscogsRelease>("release-1.json");

        Assert.Equal("1999-03-00", release.Released); // day 00 stays as Discogs wrote it
        Assert.Equal(1999, release.Year);
        Assert.Equal("Sweden", release.Country);
        Assert.Equal(6, release.Tracklist.Count);
        Assert.Equal(("A", "Östermalm", "4:45"), (release.Tracklist[0].Position, release.Tracklist[0].Title, release.Tracklist[0].Duration));
        Assert.Equal("primary", release.Images[0].Type);
        Assert.Equal("/image/R-150-1-1193812031.jpeg", release.Images[0].Uri150);
        Assert.Equal("Persuader", DiscogsDisplay.ArtistName(release.Artists)[..9]);
    }

    [Fact]
    public void Release_without_master_or_notes_parses_with_nulls()
    {
        var release = Read<DiscogsRelease>("release-3329867.json");

        Assert.Equal("2005", release.Released);
        Assert.Null(release.MasterId);
        Assert.Null(release.Notes);
        Assert.Equal(6, release.Formats[0].Qty);
    }

    [Fact]
    public void Money_strings_with_a_currency_symbol_parse_into_amount_and_currency()
    {
        var value = Read<CollectionValue>("collection-value.json");

        Assert.Equal(new DiscogsMoney(2.50m, "GBP"), value.Median);
        Assert.Equal(new DiscogsMoney(1.05m, "GBP"), value.Minimum);
        Assert.Equal(new DiscogsMoney(5m, "GBP"), value.Maximum);
        Assert.Equal(new DiscogsMoney(100m, "EUR"), Read<MarketplaceStats>("marketplace-stats-1.json").LowestPrice);
    }

    [Theory]
    [InlineData("€1,234.50", 1234.50, "EUR")]
    [InlineData("$5", 5, "USD")]
    [InlineData("CA$12.00", 12, "CAD")]
    [InlineData("12.00 SEK", 12, "SEK")]
    public void Money_parses_other_currencies(string text, decimal amount, string currency)
    {
        Assert.True(DiscogsMoney.TryParse(text, out var money));
        Assert.Equal(new DiscogsMoney(amount, currency), money);
    }

    [Fact]
    public void Year_zero_and_missing_or_null_lists_are_handled()
    {
        const string json = """{"id": 7, "title": "Untitled", "year": 0, "master_id": 0, "master_url": null, "genres": null, "formats": [{"name": "Vinyl", "qty": "", "descriptions": null}]}""";

        var info = JsonSerializer.Deserialize<BasicInformation>(json, DiscogsJson.Options)!;

        Assert.Null(DiscogsDisplay.Known(info.Year));
        Assert.Empty(info.Genres);
        Assert.Empty(info.Styles);
        Assert.Empty(info.Artists);
        Assert.Null(info.Formats[0].Qty);
        Assert.Empty(info.Formats[0].Descriptions);
    }

    [Fact]
    public void Wantlist_notes_are_plain_text()
    {
        var wants = Read<WantlistPage>("wants-page-1.json");

        Assert.Equal("Sample public notes.", wants.Wants[0].Notes);
        Assert.Equal("Year Zero", wants.Wants[0].BasicInformation.Title);
    }
}
