using VinylVault.Tests.Support;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// dotnet test --settings VinylVault.Tests/benchmarks.runsettings --logger "console;verbosity=detailed" --filter OpenDuringSyncBenchmark
/// A full sync of 1,000 items at 60 requests per 6 s (a slot is 0.1 s; the limiter always has a full window of
/// detail fetches queued). Ten times during the detail pass a release at the end of the sync's queue (the oldest
/// added without details) is opened: the time until its details can be read from the database is measured, against
/// a control release next to it in the queue that nobody opens (when the sync alone brought it).
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class OpenDuringSyncBenchmark(ITestOutputHelper output)
{
    private const int Items = 1000;
    private const int Limit = 60;
    private const double WindowSeconds = 6;

    [Fact]
    public async Task Ten_releases_opened_at_the_end_of_the_queue_during_a_full_sync()
    {
        var window = WindowSeconds.ToString(CultureInfo.InvariantCulture);
        await using var harness = await SyncHarness.StartAsync(Items,
            new Dictionary<string, string?> { ["Discogs:MaxRequestsPerMinute"] = $"{Limit}", ["Discogs:RateLimitWindowSeconds"] = window },
            simulator: o => (o.RateLimit, o.RateLimitWindowSeconds) = (Limit, WindowSeconds));
        var details = harness.Host.Services.GetRequiredService<ReleaseDetailRequests>();
        var slot = TimeSpan.FromSeconds(WindowSeconds / Limit);
        var clock = Stopwatch.StartNew();
        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await Eventually.TrueAsync(() => harness.Worker.Status.Phase == SyncPhase.Details, "the detail pass");

        var counters = harness.Simulator.Counters;
        var limiter = harness.Host.Services.GetRequiredService<DiscogsRateLimiter>();
        var opens = new List<(long Opened, long Control, DateTime At, TimeSpan Took, TimeSpan Answered, TimeSpan NextFree)>();
        var taken = new HashSet<long>();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(7));
            var queueEnd = await OldestWithoutDetailsAsync(harness, taken);
            var (opened, control) = (queueEnd[0], queueEnd[1]);
            taken.UnionWith([opened, control]);
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnFinished(long id)
            {
                if (id == opened)
                {
                    arrived.TrySetResult();
                }
            }

            details.Finished += OnFinished;
            var at = DateTime.UtcNow;
            var nextFree = limiter.EstimateTimeToSend(1); // the sync's permits come back in bursts, a window after its bursts
            var watch = Stopwatch.StartNew();
            Assert.True(details.Request(opened));
            var served = Task.Run(async () =>
            {
                while (counters.Release(opened).Served == 0)
                {
                    await Task.Delay(2);
                }

                return watch.Elapsed;
            });
            await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var answered = await served;
            var release = await harness.Queries.GetReleaseAsync(opened, CancellationToken.None); // the answer the page shows
            watch.Stop();
            details.Finished -= OnFinished;
            Assert.True(release!.HasDetails);
            opens.Add((opened, control, at, watch.Elapsed, answered, nextFree));
        }

        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(5));
        clock.Stop();
        var run = (await harness.Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
        Assert.Equal(SyncOutcome.Completed, run.Outcome);
        Assert.Equal(0, counters.TooManyRequests);
        Assert.All(opens, o => Assert.Equal(1, counters.Release(o.Opened).Requests));

        await using var db = await harness.Contexts.CreateDbContextAsync();
        var controls = opens.Select(o => o.Control).ToList();
        var fetchedAt = await db.Releases.Where(r => controls.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.DetailsFetchedAt!.Value);
        for (var i = 0; i < opens.Count; i++)
        {
            var o = opens[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"open {i + 1}: release {o.Opened} in {o.Took.TotalSeconds:0.000} s ({o.Took / slot:0.0} slots; served by Discogs after {o.Answered.TotalSeconds:0.000} s, the next permit was free after {o.NextFree.TotalSeconds:0.000} s: {(o.Answered - o.NextFree) / slot:0.0} slots later); its neighbour {o.Control}, not opened, came with the sync after {(fetchedAt[o.Control] - o.At).TotalSeconds:0.0} s"));
        }

        var took = opens.Select(o => o.Took.TotalSeconds).Order().ToList();
        var afterFree = opens.Select(o => (o.Took - o.NextFree) / slot).Order().ToList();
        var without = opens.Select(o => (fetchedAt[o.Control] - o.At).TotalSeconds).Order().ToList();
        var requests = counters.TotalRequests;
        var tmin = TimeSpan.FromSeconds(WindowSeconds) * Math.Floor((requests - 1) / (double)Limit);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of 10 opens: {Median(took):0.000} s ({Median(took) / slot.TotalSeconds:0.0} slots of {slot.TotalSeconds:0.0} s; max {took[^1]:0.000} s; goal <= 1 s); " +
            $"after the next free permit: median {Median(afterFree):0.0} slots, max {afterFree[^1]:0.0}; " +
            $"without the lane (the neighbours): median {Median(without):0.0} s; sync {requests} requests in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"T/Tmin {clock.Elapsed / tmin:0.000}, 429s: {counters.TooManyRequests}, peak {counters.PeakInWindow()}/{Limit}"));
    }

    private static double Median(List<double> sorted) => (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;

    /// <summary>The end of the sync's queue: releases without details, oldest added first, leaving out those already used.</summary>
    private static async Task<List<long>> OldestWithoutDetailsAsync(SyncHarness harness, HashSet<long> taken)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        var queue = await db.Releases.Where(r => !r.HasDetails)
            .Select(r => new { r.Id, Added = r.Instances.Max(i => i.DateAdded) })
            .OrderBy(r => r.Added).ThenByDescending(r => r.Id)
            .Select(r => r.Id).Take(taken.Count + 2).ToListAsync();
        return [.. queue.Where(id => !taken.Contains(id)).Take(2)];
    }
}
