using System.Diagnostics;
using System.Text.Json;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Api;

/// <summary>A real Prometheus (Debian's package, which ./test.sh installs) on 127.0.0.1, scraping one target every second.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public static string Executable => InstalledProgram.Find("prometheus");

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
        var executable = Executable;
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
        var start = new ProcessStartInfo(executable)
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

    /// <summary>Runs an instant PromQL query until it returns a series; fails naming the query when none comes in time.</summary>
    public async Task<JsonElement[]> QueryUntilFoundAsync(string promql, TimeSpan timeout)
    {
        JsonElement[] series = [];
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    var json = JsonDocument.Parse(await _client.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}")).RootElement;
                    series = [.. json.GetProperty("data").GetProperty("result").EnumerateArray()];
                }
                catch (HttpRequestException)
                {
                    // Still starting up.
                }

                return series.Length > 0;
            },
            $"Prometheus to answer {promql}", timeout, every: TimeSpan.FromMilliseconds(250));
        return series;
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
