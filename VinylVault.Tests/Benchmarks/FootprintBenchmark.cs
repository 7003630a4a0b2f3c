using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Deploy;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// What the Pi must afford, measured on the published Release build run as its own process:
/// dotnet test --settings VinylVault.Tests/benchmarks.runsettings --logger "console;verbosity=detailed" --filter FootprintBenchmark
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class FootprintBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_up_time_idle_memory_and_peak_memory_during_a_2000_record_sync()
    {
        var ready = new List<double>();
        var idle = new List<double>();
        var peak = new List<double>();
        var restarted = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await using var discogs = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit, o.RateLimitWindowSeconds) = (2_000, 60, 0.25));
            await using var app = await PublishedApp.StartAsync(discogs);
            using var http = app.CreateClient();
            var (readyAfter, idleRss) = await ReadyAndIdleAsync(app, http);
            ready.Add(readyAfter);
            idle.Add(idleRss);

            (await http.PostAsJsonAsync("/api/sync/start", new { force_full = false })).EnsureSuccessStatusCode();
            string status;
            do
            {
                await Task.Delay(250);
                using var json = JsonDocument.Parse(await http.GetStringAsync("/api/sync/status"));
                status = json.RootElement.GetProperty("sync_status").GetProperty("status").GetString()!;
            }
            while (status is "syncing" or "cancelling");

            Assert.Equal("completed", status);
            peak.Add(app.ResidentMegabytes().Peak);

            // The everyday start: the service restarted on its existing database, 2,000 records in it.
            Assert.NotNull(await app.TerminateAsync(TimeSpan.FromSeconds(5)));
            await using var again = await PublishedApp.StartAsync(discogs, app.DataDirectory);
            using var againHttp = again.CreateClient();
            restarted.Add((await ReadyAndIdleAsync(again, againHttp)).IdleRss);
            output.WriteLine($"run {run + 1}: healthy after {ready[^1]:0.00} s, idle RSS {idle[^1]:0} MB, peak RSS {peak[^1]:0} MB over a sync of {discogs.Simulator.Counters.TotalRequests} requests, idle RSS after a restart {restarted[^1]:0} MB");
        }

        // Seconds until /health is Healthy, then the resident set (MB) once the app has been idle for 10 s.
        static async Task<(double Ready, double IdleRss)> ReadyAndIdleAsync(PublishedApp app, HttpClient http)
        {
            var ready = await PublishedAppSmokeTests.WaitUntilHealthyAsync(app, http, TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromSeconds(10));
            return (ready.TotalSeconds, app.ResidentMegabytes().Current);
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        output.WriteLine($"median: ready {Median(ready):0.00} s (goal < 2 s), idle RSS {Median(idle):0} MB (goal < 120 MB), peak RSS {Median(peak):0} MB (goal < 200 MB), idle RSS after a restart {Median(restarted):0} MB");
    }
}
