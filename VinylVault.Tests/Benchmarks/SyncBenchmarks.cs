using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// Sync time of a 1,000-item collection against the simulator, as a ratio to the physical limit
/// Tmin = floor((R - 1) / L) x W: with L requests allowed per window W, the R-th request cannot leave before that.
/// The client's limiter is set to the simulator's limit. Median of three runs, each on a fresh database. With an
/// interactive stream, an account check goes through the limiter's interactive lane every half second during the run
/// (the simulator answers it without work of its own, so the figure is the lane's, not the machine's), and
/// Tmin counts those requests too: the lane takes the sync's slots, it must not waste any.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class SyncBenchmarks(ITestOutputHelper output)
{
    private const int Items = 1000;
    private const int Limit = 60;

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.25, false)]
    [InlineData(1.0, true)]
    public async Task Sync_of_1000_items_as_a_ratio_to_the_physical_limit(double windowSeconds, bool interactiveStream)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        await using var server = await SimulatorServer.StartAsync(options =>
        {
            options.CollectionSize = Items;
            options.RateLimit = Limit;
            options.RateLimitWindowSeconds = windowSeconds;
        });
        var settings = new Dictionary<string, string?>
        {
            ["Discogs:MaxRequestsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture),
            ["Discogs:RateLimitWindowSeconds"] = windowSeconds.ToString(CultureInfo.InvariantCulture),
        };

        var runs = new List<(double Ratio, TimeSpan Total, TimeSpan Pages, int Requests, TimeSpan Tmin)>();
        for (var i = 0; i < 3; i++)
        {
            server.Simulator.ResetTraffic();
            await using var harness = await SyncHarness.StartAsync(server, ownsServer: false, SyncHarness.NewDataDirectory(), settings);
            var clock = new Stopwatch();
            TimeSpan? pagesDone = null;
            using var watch = harness.Host.Services.GetRequiredService<SyncProgress>().Subscribe((status, _) =>
            {
                if (status.Phase == SyncPhase.Details && pagesDone is null)
                {
                    pagesDone = clock.Elapsed;
                }
            });

            clock.Start();
            Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
            var checks = interactiveStream ? CheckEveryHalfSecondAsync(harness) : Task.FromResult(0);
            await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(5));
            clock.Stop();
            var interactive = await checks;

            var run = (await harness.Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
            Assert.Equal(SyncOutcome.Completed, run.Outcome);
            Assert.Equal(0, server.Simulator.Counters.TooManyRequests);
            var requests = server.Simulator.Counters.TotalRequests;
            var tmin = window * Math.Floor((requests - 1) / (double)Limit);
            runs.Add((clock.Elapsed / tmin, clock.Elapsed, pagesDone ?? clock.Elapsed, requests, tmin));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: {requests} requests (10 pages + {run.ReleasesFetched} releases + fixed calls + {interactive} interactive account checks), {clock.Elapsed.TotalSeconds:0.00} s, " +
                $"Tmin {tmin.TotalSeconds:0.00} s, ratio {clock.Elapsed / tmin:0.000}, collection browsable (page pass done) after {(pagesDone ?? clock.Elapsed).TotalSeconds:0.00} s, 429s: 0"));
        }

        var median = runs.OrderBy(r => r.Ratio).ElementAt(1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"L = {Limit} per W = {windowSeconds:0.##} s{(interactiveStream ? ", an account check in the interactive lane every 0.5 s" : "")}: median ratio {median.Ratio:0.000} (goal <= 1.05), T = {median.Total.TotalSeconds:0.00} s vs Tmin = {median.Tmin.TotalSeconds:0.00} s; " +
            $"page pass done after {runs.Select(r => r.Pages.TotalSeconds).Order().ElementAt(1):0.00} s (median)"));
    }

    /// <summary>Account checks (the interactive lane) every half second while the sync runs; returns how many were sent.</summary>
    private static async Task<int> CheckEveryHalfSecondAsync(SyncHarness harness)
    {
        var client = harness.Host.Services.GetRequiredService<DiscogsClient>();
        var sent = 0;
        while (harness.Worker.IsRunning)
        {
            await client.GetIdentityAsync(CancellationToken.None);
            sent++;
            await Task.Delay(TimeSpan.FromSeconds(0.5));
        }

        return sent;
    }
}
