using System.Text.Json;
using System.Text.RegularExpressions;

namespace VinylVault.Tests.Simulator;

/// <summary>The simulator sends Discogs' traps the way Discogs sends them, so the client is tested against them.</summary>
public sealed partial class SimulatorTrapTests(SharedSimulator shared) : IClassFixture<SharedSimulator>
{
    private readonly HttpClient _client = shared.Client;
    private readonly SimulatorServer _server = shared.Server;

    private async Task<List<JsonElement>> RawItemsAsync()
    {
        var items = new List<JsonElement>();
        for (var page = 1; page <= 6; page++)
        {
            var raw = await _client.GetRawAsync($"users/demo/collection/folders/0/releases?page={page}&per_page=100");
            items.AddRange(raw.GetProperty("releases").EnumerateArray());
        }

        return items;
    }

    [Fact]
    public async Task Qty_is_a_string_and_master_id_zero_comes_with_a_null_master_url()
    {
        var basics = (await RawItemsAsync()).Select(i => i.GetProperty("basic_information")).ToList();

        Assert.All(basics.SelectMany(b => b.GetProperty("formats").EnumerateArray()), f => Assert.Equal(JsonValueKind.String, f.GetProperty("qty").ValueKind));
        var masterless = basics.Where(b => b.GetProperty("master_id").GetInt64() == 0).ToList();
        Assert.NotEmpty(masterless);
        Assert.All(masterless, b => Assert.Equal(JsonValueKind.Null, b.GetProperty("master_url").ValueKind));
        Assert.Contains(basics, b => b.GetProperty("master_id").GetInt64() > 0 && b.GetProperty("master_url").GetString()!.Contains("/masters/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_years_missing_or_empty_lists_and_image_less_releases_occur()
    {
        var items = await RawItemsAsync();
        var basics = items.Select(i => i.GetProperty("basic_information")).ToList();

        Assert.Contains(basics, b => b.GetProperty("year").GetInt32() == 0);
        Assert.Contains(basics, b => !b.TryGetProperty("styles", out _));
        Assert.Contains(basics, b => b.GetProperty("genres").GetArrayLength() == 0);
        Assert.Contains(basics, b => b.GetProperty("thumb").GetString() == "" && b.GetProperty("cover_image").GetString() == "");
        Assert.Contains(items, i => !i.TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task Artist_names_carry_disambiguation_moved_articles_and_unicode()
    {
        var names = (await RawItemsAsync())
            .SelectMany(i => i.GetProperty("basic_information").GetProperty("artists").EnumerateArray())
            .Select(a => a.GetProperty("name").GetString()!).ToList();

        Assert.Contains(names, n => Disambiguated().IsMatch(n));
        Assert.Contains(names, n => n.EndsWith(", The", StringComparison.Ordinal) || n.Contains(", The (", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Any(c => c > 127));
        Assert.Contains(names, n => n == "Various");
    }

    [Fact]
    public async Task Unicode_is_sent_as_utf8_text_not_escapes()
    {
        using var response = await _client.GetAsync("users/demo/collection/folders/0/releases?per_page=100");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains(text, c => c > 127);
        Assert.DoesNotContain("\\u00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_artists_are_joined_with_discogs_join_words()
    {
        var joins = (await RawItemsAsync())
            .Select(i => i.GetProperty("basic_information").GetProperty("artists"))
            .Where(a => a.GetArrayLength() > 1)
            .Select(a => a[0].GetProperty("join").GetString())
            .ToList();

        Assert.NotEmpty(joins);
        Assert.All(joins, j => Assert.False(string.IsNullOrEmpty(j)));
    }

    [Fact]
    public async Task Release_details_hold_day_00_dates_headings_and_type_underscore()
    {
        var catalog = _server.Simulator.Catalog;
        var releases = Enumerable.Range(0, 300).Select(catalog.Get).ToList();
        var dayZero = releases.First(r => r.Released?.EndsWith("-00", StringComparison.Ordinal) == true);
        var yearOnly = releases.First(r => r.Released is { Length: 4 });
        var withHeading = releases.First(r => r.Tracklist.Any(t => t.Type == "heading"));
        var noMaster = releases.First(r => r.MasterId == 0);

        var raw = await _client.GetRawAsync($"releases/{dayZero.Id}");
        Assert.Equal(dayZero.Released, raw.GetProperty("released").GetString());
        Assert.Matches(@"^[A-Z][a-z]{2} \d{4}$", raw.GetProperty("released_formatted").GetString()!);
        Assert.All(raw.GetProperty("tracklist").EnumerateArray(), t => Assert.True(t.TryGetProperty("type_", out _)));

        Assert.Equal(4, (await _client.GetRawAsync($"releases/{yearOnly.Id}")).GetProperty("released").GetString()!.Length);

        var heading = (await _client.GetRawAsync($"releases/{withHeading.Id}")).GetProperty("tracklist").EnumerateArray()
            .First(t => t.GetProperty("type_").GetString() == "heading");
        Assert.Equal("", heading.GetProperty("position").GetString());
        Assert.Equal("", heading.GetProperty("duration").GetString());

        var masterless = await _client.GetRawAsync($"releases/{noMaster.Id}");
        Assert.False(masterless.TryGetProperty("master_id", out _)); // a release page leaves it out; collection pages send 0
    }

    [Fact]
    public async Task Search_year_is_a_string_and_left_out_when_unknown()
    {
        var raw = await _client.GetRawAsync("database/search?q=&type=release&per_page=100");
        var results = raw.GetProperty("results").EnumerateArray().ToList();

        Assert.All(results.Where(r => r.TryGetProperty("year", out _)), r => Assert.Matches(@"^\d{4}$", r.GetProperty("year").GetString()!));
        Assert.Contains(results, r => !r.TryGetProperty("year", out _));
        Assert.All(results, r => Assert.Contains(" - ", r.GetProperty("title").GetString()!, StringComparison.Ordinal));
        Assert.All(results, r => Assert.Equal(JsonValueKind.Array, r.GetProperty("format").ValueKind));
    }

    [Fact]
    public async Task Collection_value_is_money_strings_with_a_currency_symbol()
    {
        var raw = await _client.GetRawAsync("users/demo/collection/value");

        Assert.All(new[] { "minimum", "median", "maximum" }, key => Assert.Matches(@"^£[\d,]+\.\d{2}$", raw.GetProperty(key).GetString()!));
        Assert.Contains(",", raw.GetProperty("maximum").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Date_added_is_written_with_a_pacific_offset()
    {
        var dates = (await RawItemsAsync()).Select(i => i.GetProperty("date_added").GetString()!).ToList();

        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[78]:00$", d));
        Assert.Contains(dates, d => d.EndsWith("-07:00", StringComparison.Ordinal));
        Assert.Contains(dates, d => d.EndsWith("-08:00", StringComparison.Ordinal));
    }

    [GeneratedRegex(@" \(\d+\)$")]
    private static partial Regex Disambiguated();
}
