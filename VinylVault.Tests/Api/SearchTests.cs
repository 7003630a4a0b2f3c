using System.Net;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Api;

/// <summary>GET /api/search: Discogs' search in the original contract's shape, validated, and 503 when Discogs is away.</summary>
public sealed class SearchTests(SimulatedVault vault) : IClassFixture<SimulatedVault>
{
    private readonly SimulatorServer _discogs = vault.Discogs;
    private readonly VaultApp _app = vault.App;

    [Fact]
    public async Task Search_answers_in_the_original_shape()
    {
        var wanted = _discogs.ExpectedCollection()[0].BasicInformation;
        using var client = _app.CreateKeyClient();
        var answer = await ApiAssert.JsonAsync(await client.GetAsync($"/api/search?q={Uri.EscapeDataString(wanted.Title)}&limit=5"));
        ApiAssert.HasFields(answer, "query", "results", "count");
        Assert.Equal(wanted.Title, answer.GetProperty("query").GetString());
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 5);
        Assert.Equal(results.Count, answer.GetProperty("count").GetInt32());
        foreach (var result in results)
        {
            ApiAssert.HasFields(result, "id", "title", "artist", "year", "format", "thumb");
            Assert.True(result.GetProperty("id").GetInt64() > 0);
            Assert.Equal(System.Text.Json.JsonValueKind.Array, result.GetProperty("format").ValueKind);
        }

        var hit = results.First(r => r.GetProperty("id").GetInt64() == wanted.Id);
        Assert.Equal(wanted.Title, hit.GetProperty("title").GetString());
        Assert.Equal(Core.Discogs.DiscogsDisplay.ArtistName(wanted.Artists), hit.GetProperty("artist").GetString());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=abba&limit=0", "limit")]
    [InlineData("/api/search?q=abba&limit=101", "limit")]
    [InlineData("/api/search?q=abba&limit=-5", "limit")]
    public async Task Bad_input_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var client = _app.CreateKeyClient();
        var searchesBefore = _discogs.Simulator.Counters.Requests("search");
        await ApiAssert.ValidationProblemAsync(await client.GetAsync(path), parameter);
        Assert.Equal(searchesBefore, _discogs.Simulator.Counters.Requests("search"));
    }

    [Fact]
    public async Task Search_is_a_503_with_a_clear_message_when_discogs_is_unreachable()
    {
        await using var offline = new VaultApp(DiscogsFixture.Unreachable());
        using var client = offline.CreateKeyClient();
        var problem = await ApiAssert.ProblemAsync(await client.GetAsync("/api/search?q=abba"), HttpStatusCode.ServiceUnavailable);
        Assert.Contains("local collection still works", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var health = await ApiAssert.JsonAsync(await client.GetAsync("/health"));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var account = await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"));
        Assert.False(account.GetProperty("online").GetBoolean());
    }
}
