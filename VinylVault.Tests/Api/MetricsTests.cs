using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Telemetry;

namespace VinylVault.Tests.Api;

/// <summary>/metrics behind Metrics:BearerToken, scraped by a real Prometheus server.</summary>
public sealed class MetricsTests : IAsyncDisposable
{
    private const string MetricsToken = "metrics-token-for-tests";

    private readonly VaultApp _app = new(new Dictionary<string, string?> { ["Metrics:BearerToken"] = MetricsToken });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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
        _app.Services.GetRequiredService<VaultMetrics>().CollectionSize(1234);
        await using var prometheus = PrometheusServer.Start(_app.Address, MetricsToken);

        var up = await prometheus.QueryUntilFoundAsync("up{job=\"vinylvault\"} == 1", TimeSpan.FromSeconds(30));
        Assert.NotEmpty(up);
        var releases = await prometheus.QueryUntilFoundAsync("vinylvault_collection_releases", TimeSpan.FromSeconds(10));
        var series = Assert.Single(releases);
        Assert.Equal("1234", series.GetProperty("value")[1].GetString());
        var all = await prometheus.QueryUntilFoundAsync("{__name__=~\"vinylvault_.+\"}", TimeSpan.FromSeconds(5));
        Assert.NotEmpty(all);
    }
}
