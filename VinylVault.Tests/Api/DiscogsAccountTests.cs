using System.Net;
using System.Net.Http.Json;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Api;

/// <summary>GET/PUT/DELETE /api/account/discogs against the simulator: the token is tested, saved encrypted, never shown.</summary>
public sealed class DiscogsAccountTests : IAsyncLifetime
{
    private SimulatorServer _discogs = null!;

    public async Task InitializeAsync() => _discogs = await DiscogsFixture.StartAsync();

    public async Task DisposeAsync() => await _discogs.DisposeAsync();

    [Fact]
    public async Task A_configured_account_is_saved_encrypted_at_start_up_and_shown_without_its_token()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs));
        using var client = app.CreateKeyClient();
        using var response = await client.GetAsync("/api/account/discogs");
        var account = await ApiAssert.JsonAsync(response);
        ApiAssert.HasFields(account, "username", "connected", "online", "message");
        Assert.Equal(_discogs.Username, account.GetProperty("username").GetString());
        Assert.True(account.GetProperty("connected").GetBoolean());
        Assert.True(account.GetProperty("online").GetBoolean());
        Assert.DoesNotContain(DiscogsFixture.TestToken, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var file in Directory.GetFiles(app.DataDirectory, "vinylvault.db*"))
        {
            Assert.DoesNotContain(DiscogsFixture.TestToken, await SecretScan.ReadSharedAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_an_account_nothing_is_connected_and_nothing_is_asked_of_discogs()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs, account: false));
        using var client = app.CreateKeyClient();
        var account = await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, account.GetProperty("username").ValueKind);
        Assert.False(account.GetProperty("connected").GetBoolean());
        Assert.False(account.GetProperty("online").GetBoolean());
        Assert.Equal(0, _discogs.Simulator.Counters.TotalRequests);
    }

    [Fact]
    public async Task Put_tests_the_token_first_and_saves_only_a_token_discogs_accepts()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs, account: false));
        using var client = app.CreateKeyClient();

        var wrong = await ApiAssert.ProblemAsync(
            await client.PutAsJsonAsync("/api/account/discogs", new { username = _discogs.Username, token = "not-the-token" }), HttpStatusCode.BadRequest);
        Assert.Contains("Discogs said", wrong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"))).GetProperty("connected").GetBoolean());

        var mismatch = await ApiAssert.ProblemAsync(
            await client.PutAsJsonAsync("/api/account/discogs", new { username = "someone-else", token = _discogs.Token }), HttpStatusCode.BadRequest);
        Assert.Contains(_discogs.Username, mismatch.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var saved = await client.PutAsJsonAsync("/api/account/discogs", new { username = _discogs.Username.ToUpperInvariant(), token = _discogs.Token });
        var account = await ApiAssert.JsonAsync(saved);
        ApiAssert.HasFields(account, "username", "connected", "online", "message");
        Assert.Equal(_discogs.Username, account.GetProperty("username").GetString());
        Assert.True(account.GetProperty("online").GetBoolean());
        Assert.DoesNotContain(_discogs.Token, await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The saved account is what the client stack now uses.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=a")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/account/discogs")).StatusCode);
        Assert.False((await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"))).GetProperty("connected").GetBoolean());
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/search?q=a"), HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("{\"username\": \"demo\"}", "token")]
    [InlineData("{\"token\": \"abc\"}", "username")]
    [InlineData("{\"username\": \"\", \"token\": \"abc\"}", "username")]
    public async Task Put_names_a_missing_field(string body, string field)
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs, account: false));
        using var client = app.CreateKeyClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ValidationProblemAsync(await client.PutAsync("/api/account/discogs", content), field);
    }

    [Fact]
    public async Task Put_while_discogs_is_unreachable_saves_nothing_and_says_so()
    {
        await using var app = new VaultApp(DiscogsFixture.Unreachable());
        using var client = app.CreateKeyClient();
        await client.DeleteAsync("/api/account/discogs");
        await ApiAssert.ProblemAsync(
            await client.PutAsJsonAsync("/api/account/discogs", new { username = "demo", token = "another-token" }), HttpStatusCode.ServiceUnavailable);
        Assert.False((await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"))).GetProperty("connected").GetBoolean());
    }
}
