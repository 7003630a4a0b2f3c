using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using VinylVault.Core.Telemetry;

namespace VinylVault.Tests.Api;

/// <summary>
/// No missing series: every vinylvault_* counter is exported at 0 from start-up, before its first event, and every
/// series the provisioned Grafana dashboard queries exists after a clean sync.
/// </summary>
// Alone: the exporter reads every "VinylVault" meter in the process, so another app's events would stand in these series.
[Collection(Browser.WholeAppCollection.Name)]
public sealed partial class MetricsAtStartTests
{
    [Fact]
    public async Task A_fresh_app_exports_every_counter_at_0_before_its_first_event()
    {
        await using var app = new VaultApp();
        using var client = app.CreateAnonymousClient();
        var counters = CounterNames();

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("vinylvault_sync_errors", counters);
        Assert.All(counters, name => Assert.Matches(new Regex($"^{name}_total(\\{{[^}}]*\\}})? 0(\\.0)?( \\d+)?$", RegexOptions.Multiline), text));
        Assert.Matches(new Regex("^vinylvault_discogs_requests_total\\{[^}]*status_code=\"429\"[^}]*\\} 0", RegexOptions.Multiline), text);
        Assert.Matches(new Regex("^vinylvault_sync_runs_total\\{[^}]*outcome=\"interrupted\"[^}]*\\} 0", RegexOptions.Multiline), text);
        foreach (var stat in new[] { "minimum", "median", "maximum" })
        {
            Assert.Matches(new Regex($"^vinylvault_collection_value\\{{[^}}]*stat=\"{stat}\"[^}}]*\\}} 0( \\d+)?$", RegexOptions.Multiline), text);
        }
    }

    [Fact]
    public async Task Every_series_the_grafana_dashboard_queries_exists_after_a_clean_sync()
    {
        await using var discogs = await DiscogsFixture.StartAsync(SimulatedVault.CollectionSize);
        await using var app = new VaultApp(DiscogsFixture.Settings(discogs));
        using var client = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, client);

        var text = await client.GetStringAsync("/metrics");

        var queried = DashboardSeries();
        Assert.NotEmpty(queried);
        Assert.All(queried, series => Assert.Matches(new Regex($"^{series}(\\{{| )", RegexOptions.Multiline), text));
    }

    /// <summary>The app's counters, as its meter publishes them.</summary>
    private static List<string> CounterNames()
    {
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VaultMetrics.MeterName && instrument.GetType().GetGenericTypeDefinition() == typeof(Counter<>))
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();
        return [.. names.Distinct()];
    }

    /// <summary>Every series named in the dashboard's queries (label matchers and groupings left out).</summary>
    private static List<string> DashboardSeries()
    {
        using var dashboard = JsonDocument.Parse(Deploy.DeployFilesTests.Read("grafana/dashboards/vinylvault.json"));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(target => target.GetProperty("expr").GetString() ?? "");
        return [.. expressions
            .Select(expr => Labels().Replace(expr, ""))
            .SelectMany(expr => SeriesName().Matches(expr).Select(m => m.Value))
            .Where(name => name != "histogram_quantile")
            .Distinct()];
    }

    [GeneratedRegex(@"\{[^}]*\}|by \([^)]*\)")]
    private static partial Regex Labels();

    [GeneratedRegex("[a-z][a-z0-9]*_[a-z0-9_]+")]
    private static partial Regex SeriesName();
}
