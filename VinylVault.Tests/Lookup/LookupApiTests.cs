using System.Net;
using System.Text.Json;
using VinylVault.Api.Simulator.Generation;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Lookup;

/// <summary>A synced collection big enough for 50 releases with a barcode, shared by the lookup tests.</summary>
public sealed class LookupVault : IAsyncLifetime
{
    public SimulatorServer Discogs { get; private set; } = null!;

    public VaultApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Discogs = await DiscogsFixture.StartAsync(90);
        App = new VaultApp(DiscogsFixture.Settings(Discogs));
        using var client = App.CreateKeyClient();
        Assert.Equal("completed", (await SyncedVault.SyncThroughRestAsync(App, client)).GetProperty("status").GetString());
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Discogs.DisposeAsync();
    }
}

public sealed class LookupApiTests(LookupVault vault) : IClassFixture<LookupVault>
{
    [Fact]
    public async Task Fifty_releases_are_found_by_their_barcode_in_every_spelling_with_every_copy_owned()
    {
        using var client = vault.App.CreateKeyClient();
        var withBarcode = vault.Discogs.Simulator.Collection.ReleaseIds
            .Select(id => (Id: id, Barcode: Generated(id).Barcode))
            .Where(r => r.Barcode is not null).Take(50).ToList();
        Assert.Equal(50, withBarcode.Count);

        foreach (var (id, printed) in withBarcode)
        {
            var digits = new string([.. printed!.Where(char.IsAsciiDigit)]); // UPC-A, 12 digits
            var spaced = $"{digits[0]} {digits[1..6]} {digits[6..11]} {digits[11]}";
            var expected = vault.Discogs.Simulator.Collection.CopiesOf(id).Select(c => c.InstanceId).Order().ToList();
            foreach (var spelling in new[] { digits, spaced, "0" + digits, digits.TrimStart('0') })
            {
                var answer = await LookupAsync(client, $"barcode={Uri.EscapeDataString(spelling)}");
                var owned = answer.GetProperty("owned").EnumerateArray().ToList();
                Assert.True(expected.SequenceEqual(owned.Select(o => o.GetProperty("instance_id").GetInt64()).Order()), $"{spelling} finds release {id}'s copies");
                Assert.All(owned, o => Assert.Equal(id, o.GetProperty("release_id").GetInt64()));
            }
        }
    }

    [Fact]
    public async Task Owned_copies_have_the_collections_shape_and_discogs_answers_online()
    {
        using var client = vault.App.CreateKeyClient();
        var id = vault.Discogs.Simulator.Collection.ReleaseIds.First(r => Generated(r).Barcode is not null);
        var barcode = Generated(id).Barcode!;

        var answer = await LookupAsync(client, $"q={Uri.EscapeDataString(barcode)}");

        var item = answer.GetProperty("owned")[0];
        foreach (var field in new[] { "instance_id", "release_id", "title", "artist", "year", "formats", "labels", "folder_id", "date_added", "thumb", "has_details" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"owned items carry {field}");
        }

        Assert.Equal(JsonValueKind.Array, answer.GetProperty("wanted").ValueKind);
        Assert.Contains(answer.GetProperty("discogs").EnumerateArray(), hit => hit.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Catalogue_numbers_match_ignoring_case_and_spaces_and_text_finds_titles()
    {
        using var client = vault.App.CreateKeyClient();
        var release = vault.Discogs.Simulator.Collection.ReleaseIds.Select(Generated)
            .First(r => r.Labels is [{ Catno: not "none" and { Length: > 3 } }, ..]);
        var catno = release.Labels![0].Catno;

        var byCatno = await LookupAsync(client, $"catno={Uri.EscapeDataString(catno.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal))}");
        var byText = await LookupAsync(client, $"q={Uri.EscapeDataString(release.Title)}");

        Assert.Contains(byCatno.GetProperty("owned").EnumerateArray(), o => o.GetProperty("release_id").GetInt64() == release.Id);
        Assert.Contains(byText.GetProperty("owned").EnumerateArray(), o => o.GetProperty("release_id").GetInt64() == release.Id);
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("barcode=123&catno=SK026", "catno")]
    [InlineData("barcode=abc", "barcode")]
    [InlineData("q=%20%20", "q")]
    public async Task Anything_but_exactly_one_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var client = vault.App.CreateKeyClient();

        using var response = await client.GetAsync($"/api/lookup?{query}");

        await ApiAssert.ValidationProblemAsync(response, parameter);
    }

    [Fact]
    public async Task Value_is_numbers_in_the_owners_currency_with_its_history()
    {
        using var client = vault.App.CreateKeyClient();

        var value = await ApiAssert.JsonAsync(await client.GetAsync("/api/value"));

        ApiAssert.HasFields(value, "currency", "current", "history");
        Assert.Equal("GBP", value.GetProperty("currency").GetString());
        var current = value.GetProperty("current");
        ApiAssert.HasFields(current, "minimum", "median", "maximum", "at");
        var history = Assert.Single(value.GetProperty("history").EnumerateArray().ToList());
        foreach (var stat in new[] { "minimum", "median", "maximum" })
        {
            Assert.Equal(JsonValueKind.Number, current.GetProperty(stat).ValueKind);
            Assert.Equal(current.GetProperty(stat).GetDecimal(), history.GetProperty(stat).GetDecimal());
        }

        Assert.True(current.GetProperty("minimum").GetDecimal() < current.GetProperty("median").GetDecimal());
        Assert.Equal(current.GetProperty("at").GetDateTime(), history.GetProperty("at").GetDateTime());
    }

    private GeneratedRelease Generated(long id) =>
        vault.Discogs.Simulator.Catalog.TryGet(id, out var release) ? release : throw new InvalidOperationException($"no release {id}");

    internal static async Task<JsonElement> LookupAsync(HttpClient client, string query) =>
        await ApiAssert.JsonAsync(await client.GetAsync($"/api/lookup?{query}"));
}
