using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>Every simulated endpoint answers JSON that the Core records parse, over real HTTP.</summary>
public sealed class SimulatorJsonTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly HttpClient _client = shared.Client;
    private readonly SimulatorServer _server = shared.Server;

    [Fact]
    public async Task Identity_names_the_simulated_user()
    {
        var identity = await _client.GetDiscogsAsync<DiscogsIdentity>("oauth/identity");

        Assert.Equal("demo", identity.Username);
        Assert.Equal(_server.Simulator.Options.UserId, identity.Id);
        Assert.Equal($"{_server.BaseUrl}/users/demo", identity.ResourceUrl);
    }

    [Fact]
    public async Task Folders_count_every_copy_once_and_include_an_empty_folder()
    {
        var folders = (await _client.GetDiscogsAsync<FolderList>("users/demo/collection/folders")).Folders;

        Assert.Equal((0, "All", 600), (folders[0].Id, folders[0].Name, folders[0].Count));
        Assert.Equal(600, folders.Skip(1).Sum(f => f.Count));
        Assert.Contains(folders, f => f.Id == 1 && f.Name == "Uncategorized");
        Assert.Contains(folders, f => f.Id > 0 && f.Count == 0);
    }

    [Fact]
    public async Task Collection_page_parses_with_basic_information_for_every_item()
    {
        var page = await _client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?page=1&per_page=100");

        Assert.Equal(100, page.Releases.Count);
        Assert.All(page.Releases, item =>
        {
            Assert.Equal(item.Id, item.BasicInformation.Id);
            Assert.NotEqual(0, item.InstanceId);
            Assert.NotEmpty(item.BasicInformation.Title);
            Assert.NotEmpty(item.BasicInformation.Artists);
            Assert.All(item.BasicInformation.Formats, f => Assert.True(f.Qty > 0));
            Assert.InRange(item.Rating, 0, 5);
            Assert.NotEqual(default, item.DateAdded);
        });
    }

    [Fact]
    public async Task Releases_parse_with_tracklists_images_and_community()
    {
        foreach (var id in _server.Simulator.Collection.ReleaseIds.Take(40))
        {
            var release = await _client.GetDiscogsAsync<DiscogsRelease>($"releases/{id}");

            Assert.Equal(id, release.Id);
            Assert.NotEmpty(release.Tracklist);
            Assert.Contains(release.Tracklist, t => t.Type == "track" && t.Position.Length > 0);
            Assert.NotNull(release.Community);
            Assert.True(release.Community.Have > 0);
            Assert.Equal(_server.ExpectedRelease(id)!.Title, release.Title);
        }
    }

    [Fact]
    public async Task Unknown_release_is_404_with_discogs_message()
    {
        using var response = await _client.GetAsync("releases/9");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Release not found.", await response.MessageAsync());
    }

    [Fact]
    public async Task Search_finds_a_release_by_artist_and_title_with_year_as_a_number()
    {
        var item = (await _client.GetDiscogsAsync<CollectionPage>("users/demo/collection/folders/0/releases?per_page=5")).Releases
            .First(i => i.BasicInformation.Year > 0);
        var artist = item.BasicInformation.Artists[0].Name;

        var results = await _client.GetDiscogsAsync<SearchResults>($"database/search?q={Uri.EscapeDataString(item.BasicInformation.Title)}&type=release&per_page=100");

        var hit = Assert.Single(results.Results, r => r.Id == item.Id);
        Assert.Equal("release", hit.Type);
        Assert.StartsWith(artist, hit.Title, StringComparison.Ordinal);
        Assert.EndsWith($" - {item.BasicInformation.Title}", hit.Title, StringComparison.Ordinal);
        Assert.Equal(item.BasicInformation.Year, hit.Year);
        Assert.NotEmpty(hit.Format);
        Assert.Equal(item.BasicInformation.Thumb, hit.Thumb);
        Assert.Equal(results.Results.Count, results.Pagination.Items);
    }

    [Fact]
    public async Task Search_for_artists_returns_artist_results()
    {
        var results = await _client.GetDiscogsAsync<SearchResults>("database/search?q=a&type=artist&per_page=10");

        Assert.NotEmpty(results.Results);
        Assert.All(results.Results, r => Assert.Equal("artist", r.Type));
        Assert.All(results.Results, r => Assert.Null(r.Year));
    }

    [Fact]
    public async Task Collection_value_parses_into_pounds_ordered_low_to_high()
    {
        var value = await _client.GetDiscogsAsync<CollectionValue>("users/demo/collection/value");

        Assert.Equal(["GBP", "GBP", "GBP"], new[] { value.Minimum!.Currency, value.Median!.Currency, value.Maximum!.Currency });
        Assert.True(value.Minimum.Amount < value.Median.Amount && value.Median.Amount < value.Maximum.Amount);
        Assert.True(value.Maximum.Amount > 1000); // "£1,234.56": the thousands separator parses too
    }

    [Fact]
    public async Task Releases_quote_lowest_price_in_the_currency_asked_and_carry_their_identifiers()
    {
        var id = _server.Simulator.Collection.ReleaseIds.First(r => _server.Simulator.Catalog.TryGet(r, out var g) && g.LowestPrice is not null && g.Barcode is not null);
        _server.Simulator.Catalog.TryGet(id, out var generated);

        var own = await _client.GetDiscogsAsync<DiscogsRelease>($"releases/{id}?curr_abbr=GBP");
        var yen = await _client.GetDiscogsAsync<DiscogsRelease>($"releases/{id}?curr_abbr=JPY");

        Assert.Equal(generated.LowestPrice, own.LowestPrice);
        Assert.Equal(decimal.Round(yen.LowestPrice!.Value), yen.LowestPrice); // yen have no decimals
        Assert.True(yen.LowestPrice > own.LowestPrice * 100);
        Assert.Contains(own.Identifiers, i => i.Type == "Barcode" && i.Value == generated.Barcode);
    }

    [Fact]
    public async Task Barcode_search_finds_a_release_by_its_digits_or_as_entered_but_not_by_a_shortened_code()
    {
        var id = _server.Simulator.Collection.ReleaseIds.First(r => _server.Simulator.Catalog.TryGet(r, out var g) && g.Barcode is { Length: > 12 });
        _server.Simulator.Catalog.TryGet(id, out var generated);
        var digits = new string([.. generated.Barcode!.Where(char.IsAsciiDigit)]);

        async Task<IEnumerable<long>> Found(string barcode) =>
            (await _client.GetDiscogsAsync<SearchResults>($"database/search?barcode={Uri.EscapeDataString(barcode)}&type=release")).Results.Select(r => r.Id);

        Assert.Equal([id], await Found(digits));
        Assert.Equal([id], await Found(generated.Barcode!));
        Assert.Empty(await Found(digits.TrimStart('0')));
    }

    [Fact]
    public async Task Fields_list_the_conditions_and_notes_that_item_notes_refer_to()
    {
        var fields = (await _client.GetDiscogsAsync<CollectionFields>("users/demo/collection/fields")).Fields;
        var items = await _client.CollectionItemsAsync("demo");

        Assert.Equal(["Media Condition", "Sleeve Condition", "Notes"], fields.Select(f => f.Name));
        Assert.Contains("Very Good Plus (VG+)", fields[0].Options);
        var notes = items.SelectMany(i => i.Notes).ToList();
        Assert.All(notes, n => Assert.Contains(fields, f => f.Id == n.FieldId));
        Assert.All(notes.Where(n => n.FieldId == fields[0].Id), n => Assert.Contains(n.Value!, fields[0].Options));
        Assert.Contains(notes, n => n.FieldId == fields[2].Id);
    }

    [Fact]
    public async Task Wantlist_parses_and_holds_releases_not_in_the_collection()
    {
        var wants = await _client.GetDiscogsAsync<WantlistPage>("users/demo/wants?page=1&per_page=100");
        var owned = _server.Simulator.Collection.ReleaseIds.ToHashSet();

        Assert.Equal(30, wants.Pagination.Items); // one want for every 20 copies
        Assert.Equal(30, wants.Wants.Count);
        Assert.All(wants.Wants, w => Assert.DoesNotContain(w.Id, owned));
        Assert.All(wants.Wants, w => Assert.Equal(w.Id, w.BasicInformation.Id));
        Assert.All(wants.Wants, w => Assert.NotNull(w.DateAdded));
    }

    [Fact]
    public async Task Marketplace_stats_parse_with_and_without_a_lowest_price()
    {
        var stats = new List<MarketplaceStats>();
        foreach (var id in _server.Simulator.Collection.ReleaseIds.Take(30))
        {
            stats.Add(await _client.GetDiscogsAsync<MarketplaceStats>($"marketplace/stats/{id}"));
        }

        Assert.Contains(stats, s => s.LowestPrice is { Currency: "GBP", Amount: > 0 } && s.NumForSale > 0);
        Assert.Contains(stats, s => s.LowestPrice is null && s.NumForSale == 0);
    }

    [Fact]
    public async Task Another_users_collection_is_not_found()
    {
        using var response = await _client.GetAsync("users/someone-else/collection/folders");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
