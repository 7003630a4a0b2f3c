using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Api;

/// <summary>
/// The Discogs token of the tests is used for real (it is the only one the simulator accepts) and then looked for
/// everywhere it must never be: every answer body, every log line, /metrics, and the bytes of the SQLite files.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private readonly List<string> _bodies = [];
    private SimulatorServer _discogs = null!;

    public async Task InitializeAsync() => _discogs = await DiscogsFixture.StartAsync();

    public async Task DisposeAsync() => await _discogs.DisposeAsync();

    [Fact]
    public async Task The_token_appears_in_no_answer_no_log_no_metric_and_no_database_byte()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs));
        using var client = app.CreateKeyClient();

        await CallAsync(client, HttpMethod.Get, "/api/account/discogs", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Get, "/api/search?q=the&limit=3", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Put, "/api/account/discogs", new { username = _discogs.Username, token = _discogs.Token }, HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Put, "/api/account/discogs", new { username = _discogs.Username, token = "wrong-token" }, HttpStatusCode.BadRequest);
        await CallAsync(client, HttpMethod.Post, "/api/sync/start", new { force_full = true }, HttpStatusCode.Accepted);
        await app.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var status = await CallAsync(client, HttpMethod.Get, "/api/sync/status", expect: HttpStatusCode.OK);
        Assert.Contains("\"completed\"", status, StringComparison.Ordinal);
        var page = await CallAsync(client, HttpMethod.Get, "/api/collection?page_size=500", expect: HttpStatusCode.OK);
        var releaseId = System.Text.Json.JsonDocument.Parse(page).RootElement.GetProperty("items")[0].GetProperty("release_id").GetInt64();
        await CallAsync(client, HttpMethod.Get, $"/api/releases/{releaseId}", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Get, "/api/stats", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Get, "/api/sync/history", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Post, "/api/sync/cancel", expect: HttpStatusCode.Conflict);
        await CallAsync(client, HttpMethod.Get, "/auth/status", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Get, "/health", expect: HttpStatusCode.OK);
        await CallAsync(client, HttpMethod.Get, "/openapi/v1.json", expect: HttpStatusCode.OK);
        var metrics = await CallAsync(client, HttpMethod.Get, "/metrics", expect: HttpStatusCode.OK);
        Assert.Contains("vinylvault_discogs_requests", metrics, StringComparison.Ordinal);

        // Discogs was really asked with the token: the simulator refuses any other.
        Assert.True(_discogs.Simulator.Counters.Requests("search", 200) > 0);
        Assert.True(app.Logs.Count > 0);

        var token = DiscogsFixture.TestToken;
        Assert.All(_bodies, body => Assert.DoesNotContain(token, body, StringComparison.Ordinal));
        Assert.DoesNotContain(token, app.Logs.Text, StringComparison.Ordinal);
        var files = Directory.GetFiles(app.DataDirectory, "vinylvault.db*");
        // The main file always; the -wal and -shm files whenever SQLite has them open.
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.DoesNotContain(token, await SecretScan.ReadSharedAsync(file), StringComparison.Ordinal);
        }
    }

    private async Task<string> CallAsync(HttpClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expect = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expect == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        _bodies.Add(text);
        return text;
    }
}
