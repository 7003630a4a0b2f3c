using System.Net;
using System.Text.Json;
using VinylVault.Core.Sync;
using VinylVault.Tests.Demo;

namespace VinylVault.Tests.Api;

/// <summary>Discogs down for hours (refusing connections, or answering 503): a sync fails once and clearly, the app stays useful.</summary>
public sealed class DiscogsDownTests
{
    [Fact]
    public async Task Discogs_answering_503_for_long_fails_a_sync_with_one_clear_error_and_health_says_degraded()
    {
        await using var discogs = await DiscogsFixture.StartAsync(SimulatedVault.CollectionSize);
        var settings = DiscogsFixture.Settings(discogs);
        settings["Discogs:MaxRetries"] = "1";
        settings["Sync:MaxErrors"] = "5";
        await using var app = new VaultApp(settings);
        using var client = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, client);

        discogs.Simulator.Faults.FailNext(100_000, HttpStatusCode.ServiceUnavailable);
        var logged = app.Logs.Count;
        var status = await SyncedVault.SyncThroughRestAsync(app, client, forceFull: true);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var run = await LastRunAsync(client);
        Assert.Equal("failed", run.GetProperty("outcome").GetString());
        Assert.Equal(1, run.GetProperty("error_count").GetInt32());
        Assert.StartsWith("Discogs is unreachable", Assert.Single(run.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Discogs is unreachable", run.GetProperty("message").GetString(), StringComparison.Ordinal);
        // One line in the log for the run, not one per request.
        var lines = app.Logs.Text.Split('\n').Skip(logged).Where(line => line.Contains("Discogs is unreachable", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);

        await AssertOfflineButServingAsync(client);
    }

    [Fact]
    public async Task Discogs_refusing_connections_fails_a_sync_at_once_with_one_error()
    {
        await using var app = new VaultApp(DiscogsFixture.Unreachable());
        using var client = app.CreateKeyClient();

        var status = await SyncedVault.SyncThroughRestAsync(app, client);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var run = await LastRunAsync(client);
        Assert.Equal(1, run.GetProperty("error_count").GetInt32());
        Assert.StartsWith("Discogs is unreachable", run.GetProperty("message").GetString(), StringComparison.Ordinal);
        var health = await ApiAssert.JsonAsync(await client.GetAsync("/health"));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(1, "2024-01-02T01:00")]
    [InlineData(2, "2024-01-02T02:00")]
    [InlineData(4, "2024-01-02T08:00")]
    [InlineData(30, "2024-01-03T00:00")] // capped at the interval
    public void A_schedule_that_keeps_failing_backs_off_up_to_the_interval(int failed, string due)
    {
        static DateTime At(string s) => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(At(due), SyncSchedule.NextDue(TimeSpan.FromHours(24), At("2024-01-01T00:00"), At("2024-01-02T00:00"), At("2024-01-01T06:00"), failed));
    }

    private static async Task<JsonElement> LastRunAsync(HttpClient client)
    {
        var history = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/history"));
        return history.GetProperty("runs")[0];
    }

    private static async Task AssertOfflineButServingAsync(HttpClient client)
    {
        var health = await ApiAssert.JsonAsync(await client.GetAsync("/health"));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var status = await ApiAssert.JsonAsync(await client.GetAsync("/api/sync/status"));
        Assert.False(status.GetProperty("client_online").GetBoolean());
        var page = await ApiAssert.JsonAsync(await client.GetAsync("/api/collection?page_size=5"));
        Assert.Equal(SimulatedVault.CollectionSize, page.GetProperty("total").GetInt32());
        await ApiAssert.JsonAsync(await client.GetAsync("/api/stats"));
    }
}
