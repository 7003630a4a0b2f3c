using System.Net;
using System.Net.Http.Headers;

namespace VinylVault.Tests.Api;

/// <summary>/metrics behind Metrics:BearerToken, scraped by a real Prometheus server.</summary>
// Alone: the exporter reads every "VinylVault" meter in the process, so another app's gauge would stand in this series.
[Collection(Browser.WholeAppCollection.Name)]
public sealed class MetricsTests(MetricsTests.Vault vault) : IClassFixture<MetricsTests.Vault>
{
    private const string MetricsToken = "metrics-token-for-tests";

    private readonly VaultApp _app = vault.App;

    /// <summary>The app against a simulated Discogs, with /metrics behind a bearer token.</summary>
    public sealed class Vault : SimulatedVault
    {
        protected override void Configure(Dictionary<string, string?> settings) => settings["Metrics:BearerToken"] = MetricsToken;
    }

    [Fact]
    public async Task With_a_bearer_token_set_metrics_answer_only_to_it()
    {
        using var client = _app.CreateAnonymousClient();
        await ApiAssert.ProblemAsync(await client.GetAsync("/metrics"), HttpStatusCode.Unauthorized);

        // An API key is not the metrics token.
        using var withKey = _app.CreateKeyClient();
        await ApiAssert.ProblemAsync(await withKey.GetAsync("/metrics"), HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken);
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_vinylvault_series()
    {
        using var client = _app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(_app, client);
        await using var prometheus = PrometheusServer.Start(_app.Address, MetricsToken);

        var up = await prometheus.QueryUntilFoundAsync("up{job=\"vinylvault\"} == 1", TimeSpan.FromSeconds(30));
        Assert.NotEmpty(up);
        // The exporter listens to every "VinylVault" meter in the process, so apps of tests running alongside add to
        // these series: assert what this app's run guarantees, not exact totals.
        Assert.NotEmpty(await prometheus.QueryUntilFoundAsync($"vinylvault_collection_releases == {SimulatedVault.CollectionSize}", TimeSpan.FromSeconds(10)));
        Assert.NotEmpty(await prometheus.QueryUntilFoundAsync("vinylvault_sync_runs_total{outcome=\"completed\"} >= 1", TimeSpan.FromSeconds(5)));
        Assert.NotEmpty(await prometheus.QueryUntilFoundAsync("vinylvault_sync_duration_seconds_count >= 1", TimeSpan.FromSeconds(5)));
        var requests = await prometheus.QueryUntilFoundAsync("vinylvault_discogs_requests_total{status_code=\"200\"} > 0", TimeSpan.FromSeconds(5));
        Assert.NotEmpty(requests);
        Assert.Equal("vinylvault", requests[0].GetProperty("metric").GetProperty("job").GetString());
    }
}
