using VinylVault.Tests.Load;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// REST load while a full sync of 600 releases runs at 60 requests a second: 50 connections, 20 hub connections,
/// 3 dashboard readers. Open loop at 100 and 250 requests a second (latency from when each request was due), and
/// closed loop with 50 clients (the capacity). One app: two warm-up runs, then three counted; the load generator runs in
/// the same process, or for the capacity also in wrk's. Run it in Release (-c Release), as the app is deployed.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class LoadBenchmark(ITestOutputHelper output)
{
    [Theory]
    [InlineData(100.0)]
    [InlineData(250.0)]
    [InlineData(0.0)]
    public async Task Rest_load_while_a_sync_runs_at_the_limit(double rate)
    {
        // One app for two warm-up runs, not counted, and three counted: a Pi serves for days, not for its first minute.
        var all = await LoadDriver.RunAsync(collectionSize: 600, clients: 50, openLoopRate: rate > 0 ? rate : null, duration: TimeSpan.FromSeconds(8), runs: 5);
        Report(all, rate > 0 ? $"open loop {rate:0}/s" : "closed loop 50 clients", byRate: rate == 0);
    }

    /// <summary>
    /// The capacity with the 50 closed-loop clients in wrk's own process (sudo apt-get install wrk): what the app
    /// serves when the generator's allocations and threads are not in its process. They still share the 2 cores.
    /// </summary>
    [Fact]
    public async Task Capacity_with_wrk_as_the_load_generator()
    {
        var all = await LoadDriver.RunAsync(collectionSize: 600, clients: 50, openLoopRate: null, duration: TimeSpan.FromSeconds(8), runs: 5, wrk: true);
        Report(all, "closed loop 50 wrk connections", byRate: true);
    }

    private void Report(IReadOnlyList<LoadResult> all, string label, bool byRate)
    {
        output.WriteLine($"warm-up (not counted): {all[0]}");
        output.WriteLine($"warm-up (not counted): {all[1]}");
        var runs = all.Skip(2).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            output.WriteLine($"run {i + 1}: {runs[i]}");
        }

        var median = runs.OrderBy(r => byRate ? -r.Rate : r.P99).ElementAt(1);
        output.WriteLine($"median ({label}, by {(byRate ? "rate" : "p99")}): {median}");
        Assert.All(runs, r => Assert.Equal(0, r.Errors));
        Assert.All(runs, r => Assert.Equal(0, r.TooMany));
    }

    /// <summary>
    /// Where the tail at 250 a second comes from: the same open load with one part of the scene taken away at a time
    /// (the sync, the hub listeners, the dashboards, all three). A part whose removal shrinks p99 is the cause.
    /// </summary>
    [Theory]
    [InlineData("everything")]
    [InlineData("no sync")]
    [InlineData("no hubs")]
    [InlineData("no dashboards")]
    [InlineData("REST only")]
    public async Task Where_the_tail_comes_from(string scene)
    {
        var all = await LoadDriver.RunAsync(collectionSize: 600, clients: 50, openLoopRate: 250, duration: TimeSpan.FromSeconds(8),
            hubs: scene is "no hubs" or "REST only" ? 0 : 20,
            dashboards: scene is "no dashboards" or "REST only" ? 0 : 3,
            sync: scene is not ("no sync" or "REST only"), runs: 5);
        var runs = all.Skip(2).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            output.WriteLine($"{scene} run {i + 1}: {runs[i]}");
        }

        output.WriteLine($"{scene}, median by p99: {runs.OrderBy(r => r.P99).ElementAt(1)}");
        Assert.All(runs, r => Assert.Equal(0, r.Errors));
    }
}
