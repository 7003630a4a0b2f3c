using System.Text.RegularExpressions;

namespace VinylVault.Tests.Deploy;

/// <summary>
/// No Docker engine or systemd runs here, so the deploy files are checked by reading: each test names a promise
/// the README makes about running on a Pi.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    internal static string Read(string file) => File.ReadAllText(Path.Combine(Deploy, file));

    [Fact]
    public void Dockerfile_builds_on_the_sdk_for_the_target_architecture_and_runs_on_the_aspnet_runtime()
    {
        var stages = FromLine().Matches(Read("Dockerfile")).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Contains("--platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0", stages[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[1]);
        Assert.Contains("-a \"$TARGETARCH\"", Read("Dockerfile"));
    }

    [Fact]
    public void Dockerfile_runs_as_non_root_with_data_in_a_volume_and_a_health_check()
    {
        var dockerfile = Read("Dockerfile");
        var runtime = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Matches(@"(?m)^USER \$APP_UID$", runtime);
        Assert.Matches(@"(?m)^VOLUME \[""/data""\]$", runtime);
        Assert.Contains("Storage__DataDirectory=/data", runtime);
        Assert.Matches(@"(?m)^HEALTHCHECK .*\n?.*/health", runtime);
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("docker-compose.yml")]
    [InlineData("vinylvault.service")]
    public void No_secret_is_baked_into_a_deploy_file(string file)
    {
        var uncommented = string.Join('\n', Read(file).Split('\n').Where(l => !l.TrimStart().StartsWith('#')));

        Assert.DoesNotMatch(@"(?i)(Discogs__Token|VINYLVAULT_API_KEY|Auth__ApiKey|BearerToken)\s*[:=]", uncommented);
    }

    [Fact]
    public void Compose_keeps_data_in_a_volume_secrets_in_an_env_file_and_monitoring_optional()
    {
        var compose = Read("docker-compose.yml");

        Assert.Contains("vinylvault-data:/data", compose);
        Assert.Contains("path: vinylvault.env", compose);
        Assert.Equal(2, Regex.Count(compose, @"profiles: \[""monitoring""\]"));
        Assert.Contains("./prometheus.yml:/etc/prometheus/prometheus.yml", compose);
        Assert.Contains("metrics_path: /metrics", Read("prometheus.yml"));
    }

    [Fact]
    public void Grafana_dashboard_charts_the_product_series()
    {
        var dashboard = Read(Path.Combine("grafana", "dashboards", "vinylvault.json"));

        foreach (var series in new[]
                 {
                     "vinylvault_collection_releases", "vinylvault_discogs_requests_total", "vinylvault_ratelimit_wait_seconds_bucket",
                     "vinylvault_sync_items_processed_total", "http_server_request_duration_seconds_bucket", "dotnet_process_memory_working_set_bytes",
                 })
        {
            Assert.Contains(series, dashboard);
        }

        // The collection's value: one panel charting each of the metric's three series, on a free spot of the grid.
        var panels = System.Text.Json.JsonDocument.Parse(dashboard).RootElement.GetProperty("panels").EnumerateArray().ToList();
        var value = Assert.Single(panels, p => p.GetProperty("targets").EnumerateArray().Any(t => t.GetProperty("expr").GetString()!.Contains("vinylvault_collection_value", StringComparison.Ordinal)));
        Assert.Equal(["minimum", "median", "maximum"], value.GetProperty("targets").EnumerateArray()
            .Select(t => StatSelector().Match(t.GetProperty("expr").GetString()!).Groups[1].Value));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        var cells = panels.SelectMany(p => Cells(p.GetProperty("gridPos"))).ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
    }

    // The grid cells (24 columns) a panel covers.
    private static IEnumerable<(int X, int Y)> Cells(System.Text.Json.JsonElement at) =>
        from x in Enumerable.Range(at.GetProperty("x").GetInt32(), at.GetProperty("w").GetInt32())
        from y in Enumerable.Range(at.GetProperty("y").GetInt32(), at.GetProperty("h").GetInt32())
        select (x, y);

    [Fact]
    public void Systemd_unit_is_hardened_and_restarts_on_failure()
    {
        var unit = Read("vinylvault.service");

        foreach (var line in new[] { "DynamicUser=yes", "StateDirectory=vinylvault", "ProtectSystem=strict", "NoNewPrivileges=yes", "Restart=on-failure", "Environment=Storage__DataDirectory=/var/lib/vinylvault" })
        {
            Assert.Contains(line, unit.Split('\n'));
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VinylVault.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VinylVault.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?m)^FROM (.+)$")]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^vinylvault_collection_value\{stat=""(\w+)""\}$")]
    private static partial Regex StatSelector();
}
