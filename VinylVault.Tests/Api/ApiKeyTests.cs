using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>API keys: created by the owner and shown once, stored hashed, listed without the key, revoked for good.</summary>
public sealed class ApiKeyTests : IAsyncDisposable
{
    private readonly VaultApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_created_key_works_until_it_is_revoked()
    {
        using var owner = await _app.CreateOwnerClientAsync();
        var created = await ApiAssert.JsonAsync(await owner.PostAsJsonAsync("/api/keys", new { name = "backup script" }), HttpStatusCode.Created);
        ApiAssert.HasFields(created, "id", "name", "prefix", "created_at", "key");
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("vv_", key, StringComparison.Ordinal);
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, key, StringComparison.Ordinal);
        Assert.EndsWith("Z", created.GetProperty("created_at").GetString(), StringComparison.Ordinal);

        var list = await ApiAssert.JsonAsync(await owner.GetAsync("/api/keys"));
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        ApiAssert.HasFields(listed, "id", "name", "prefix", "created_at");
        Assert.Equal("backup script", listed.GetProperty("name").GetString());
        Assert.DoesNotContain(key, list.GetRawText(), StringComparison.Ordinal);

        using var script = _app.CreateKeyClient(key);
        var status = await ApiAssert.JsonAsync(await script.GetAsync("/auth/status"));
        Assert.Equal("api_key", status.GetProperty("method").GetString());
        Assert.Equal("backup script", status.GetProperty("user_name").GetString());

        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/keys/{id}")).StatusCode);
        var refused = await ApiAssert.ProblemAsync(await script.GetAsync("/api/keys"), HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(await owner.DeleteAsync($"/api/keys/{id}"), HttpStatusCode.NotFound);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/keys")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored()
    {
        using var bootstrap = _app.CreateKeyClient();
        var created = await bootstrap.PostAsJsonAsync("/api/keys", new { name = "grafana" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        var files = Directory.GetFiles(_app.DataDirectory, "vinylvault.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.DoesNotContain(key, await SecretScan.ReadSharedAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_issued_key_cannot_manage_keys()
    {
        using var bootstrap = _app.CreateKeyClient();
        var created = await bootstrap.PostAsJsonAsync("/api/keys", new { name = "script" });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        using var script = _app.CreateKeyClient(key);
        await ApiAssert.ProblemAsync(await script.GetAsync("/api/keys"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await script.PostAsJsonAsync("/api/keys", new { name = "another" }), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\": \"\"}")]
    [InlineData("{\"name\": \"   \"}")]
    public async Task A_key_needs_a_name(string body)
    {
        using var bootstrap = _app.CreateKeyClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await ApiAssert.ValidationProblemAsync(await bootstrap.PostAsync("/api/keys", content), "name");
    }

    [Fact]
    public async Task A_wrong_or_malformed_key_is_refused()
    {
        foreach (var key in new[] { "vv_not-a-real-key", VaultApp.BootstrapKey + "x", new string('k', 5000) })
        {
            using var client = _app.CreateKeyClient(key);
            await ApiAssert.ProblemAsync(await client.GetAsync("/api/keys"), HttpStatusCode.Unauthorized);
        }
    }
}
