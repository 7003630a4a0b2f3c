using System.Diagnostics;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>A real Prometheus (Debian's package, which .ci/run installs) on 127.0.0.1, scraping one target every second.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _client;

    private PrometheusServer(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public static PrometheusServer Start(Uri target, string? bearerToken)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: install Debian's prometheus package (.ci/run does).");
        var directory = Directory.CreateTempSubdirectory("vinylvault-prometheus-").FullName;
        var authorization = bearerToken is null ? "" : $"\n    authorization:\n      credentials: \"{bearerToken}\"";
        File.WriteAllText(Path.Combine(directory, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: vinylvault
                metrics_path: /metrics{authorization}
                static_configs:
                  - targets: ["{target.Authority}"]
            """);
        var port = Deploy.PublishedApp.FreePort();
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(directory, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Runs an instant PromQL query until it returns a series or the time is up; returns the series (maybe none).</summary>
    public async Task<JsonElement[]> QueryUntilFoundAsync(string promql, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var json = JsonDocument.Parse(await _client.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}")).RootElement;
                var series = json.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
                if (series.Length > 0 || deadline.Elapsed > timeout)
                {
                    return series;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
                // Still starting up.
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _client.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
