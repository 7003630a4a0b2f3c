using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Api;

/// <summary>/api/sync/status, start and cancel, in the original contract's shape, against the simulator.</summary>
public sealed class SyncApiTests : IAsyncLifetime
{
    private SimulatorServer _discogs = null!;

    public async Task InitializeAsync() => _discogs = await DiscogsFixture.StartAsync(SimulatedVault.CollectionSize);

    public async Task DisposeAsync() => await _discogs.DisposeAsync();

    [Fact]
    public async Task Status_start_and_cancel_answer_in_the_original_shape()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs));
        using var client = app.CreateKeyClient();

        var before = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/status"));
        ApiAssert.HasFields(before, "sync_status", "collection_stats", "client_online");
        var idle = before.GetProperty("sync_status");
        foreach (var field in new[] { "status", "progress_percent", "processed_items", "total_items", "estimated_completion" })
        {
            Assert.True(idle.TryGetProperty(field, out _), $"sync_status lacks {field}");
        }

        Assert.Equal("idle", idle.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("estimated_completion").ValueKind);
        ApiAssert.HasFields(before.GetProperty("collection_stats"), "total_albums", "total_artists", "last_sync");
        Assert.Equal(0, before.GetProperty("collection_stats").GetProperty("total_albums").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("collection_stats").GetProperty("last_sync").ValueKind);
        Assert.True(before.GetProperty("client_online").GetBoolean());

        await ApiAssert.ProblemAsync(await client.PostAsync("/api/sync/cancel", null), HttpStatusCode.Conflict);

        using var start = await client.PostAsJsonAsync("/api/sync/start", new { force_full = false });
        var accepted = await ApiAssert.JsonAsync(start, HttpStatusCode.Accepted);
        Assert.Equal("syncing", accepted.GetProperty("sync_status").GetProperty("status").GetString());
        await ApiAssert.ProblemAsync(await client.PostAsJsonAsync("/api/sync/start", new { force_full = true }), HttpStatusCode.Conflict);

        await app.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var after = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/status"));
        var done = after.GetProperty("sync_status");
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(100, done.GetProperty("progress_percent").GetDouble());
        var stats = after.GetProperty("collection_stats");
        Assert.Equal(SimulatedVault.CollectionSize, stats.GetProperty("total_albums").GetInt32());
        Assert.True(stats.GetProperty("total_artists").GetInt32() > 0);
        ApiAssert.HasFields(stats.GetProperty("last_sync"), "time", "status");
        Assert.Equal("completed", stats.GetProperty("last_sync").GetProperty("status").GetString());
        Assert.EndsWith("Z", stats.GetProperty("last_sync").GetProperty("time").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_sync_can_be_cancelled_and_the_history_says_so()
    {
        // Two requests a second: the run lasts long enough to be cancelled while it works.
        var settings = DiscogsFixture.Settings(_discogs);
        settings["Discogs:MaxRequestsPerMinute"] = "2";
        await using var app = new VaultApp(settings);
        using var client = app.CreateKeyClient();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/sync/start", null)).StatusCode);
        var cancelling = await ApiAssert.JsonAsync(await client.PostAsync("/api/sync/cancel", null), HttpStatusCode.Accepted);
        Assert.Contains(cancelling.GetProperty("sync_status").GetProperty("status").GetString(), new[] { "cancelling", "cancelled" });
        await app.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var status = await client.GetFromJsonAsync<JsonElement>("/api/sync/status");
        Assert.Equal("cancelled", status.GetProperty("sync_status").GetProperty("status").GetString());
        var history = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/history"));
        var run = Assert.Single(history.GetProperty("runs").EnumerateArray());
        Assert.Equal("cancelled", run.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Without_an_account_a_sync_cannot_start()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs, account: false));
        using var client = app.CreateKeyClient();
        var problem = await ApiAssert.ProblemAsync(await client.PostAsync("/api/sync/start", null), HttpStatusCode.Conflict);
        Assert.Contains("account", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var status = await client.GetFromJsonAsync<JsonElement>("/api/sync/status");
        Assert.False(status.GetProperty("client_online").GetBoolean());
    }

    [Fact]
    public async Task Offline_everything_local_keeps_working_and_the_status_says_discogs_is_away()
    {
        await using var app = new VaultApp(DiscogsFixture.Settings(_discogs));
        using var client = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, client);

        // Discogs goes down: every request now fails (the client is configured without retries).
        _discogs.Simulator.Faults.PermanentServerError = true;
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/search?q=anything"), HttpStatusCode.ServiceUnavailable);

        var status = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/status"));
        Assert.False(status.GetProperty("client_online").GetBoolean());
        var page = await ApiAssert.JsonAsync(await client.GetAsync("/api/collection?page_size=5"));
        Assert.Equal(SimulatedVault.CollectionSize, page.GetProperty("total").GetInt32());
        var first = page.GetProperty("items")[0].GetProperty("release_id").GetInt64();
        await ApiAssert.JsonAsync(await client.GetAsync($"/api/releases/{first}"));
        await ApiAssert.JsonAsync(await client.GetAsync("/api/stats"));
        var health = await ApiAssert.JsonAsync(await client.GetAsync("/health"));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
    }
}
