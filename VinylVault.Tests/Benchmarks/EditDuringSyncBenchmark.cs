using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;
using VinylVault.Tests.Support;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// dotnet test --settings VinylVault.Tests/benchmarks.runsettings --logger "console;verbosity=detailed" --filter EditDuringSyncBenchmark
/// A full sync of 1,000 items at 60 requests per 6 s (a slot is 0.1 s; the limiter always has the sync's detail
/// fetches queued). Ten times during the detail pass a copy is rated: measured are the time the edit itself takes
/// (the local transaction, beside the sync's writes), then the time until Discogs has it, in slots, against the
/// moment the limiter's next permit was free, and how many of the sync's requests Discogs served in between.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class EditDuringSyncBenchmark(ITestOutputHelper output)
{
    private const int Items = 1000;
    private const int Limit = 60;
    private const double WindowSeconds = 6;

    [Fact]
    public async Task Ten_edits_made_during_a_full_sync()
    {
        var window = WindowSeconds.ToString(CultureInfo.InvariantCulture);
        await using var harness = await SyncHarness.StartAsync(Items,
            new Dictionary<string, string?> { ["Discogs:MaxRequestsPerMinute"] = $"{Limit}", ["Discogs:RateLimitWindowSeconds"] = window },
            simulator: o => (o.RateLimit, o.RateLimitWindowSeconds) = (Limit, WindowSeconds));
        var slot = TimeSpan.FromSeconds(WindowSeconds / Limit);
        var editor = harness.Host.Services.GetRequiredService<CollectionEditor>();
        var limiter = harness.Host.Services.GetRequiredService<DiscogsRateLimiter>();
        var counters = harness.Simulator.Counters;
        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await Eventually.TrueAsync(() => harness.Worker.Status.Phase == SyncPhase.Details, "the detail pass", TimeSpan.FromMinutes(1));

        var edits = new List<(TimeSpan Edit, TimeSpan Sent, TimeSpan NextFree, int Before)>();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(6.3));
            var copy = harness.Simulator.Collection.Items[i * 7];
            var sentBefore = counters.Requests("edit_instance");
            var watch = Stopwatch.StartNew();
            var result = await editor.UpdateAsync(copy.InstanceId, new CopyEdit(Rating: copy.Rating == 5 ? 1 : 5), CancellationToken.None);
            var edited = watch.Elapsed;
            var (requestsAtEdit, nextFree) = (counters.TotalRequests, limiter.EstimateTimeToSend(1));
            Assert.Equal(EditStatus.Done, result.Status);
            if (counters.Requests("edit_instance") > sentBefore)
            {
                // At Discogs before the editor had read the saved copy back to answer: no wait at all.
                edits.Add((edited, TimeSpan.Zero, nextFree, 0));
                continue;
            }

            while (counters.Requests("edit_instance") == sentBefore)
            {
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), "the edit never reached Discogs");
                await Task.Delay(1);
            }

            edits.Add((edited, watch.Elapsed - edited, nextFree, counters.TotalRequests - requestsAtEdit - 1));
        }

        Assert.True(harness.Worker.IsRunning, "the sync ended before the edits: the benchmark measured nothing");
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(0, counters.TooManyRequests);
        for (var i = 0; i < edits.Count; i++)
        {
            var e = edits[i];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"edit {i + 1}: saved in {e.Edit.TotalMilliseconds:0} ms, at Discogs {e.Sent.TotalSeconds:0.000} s later ({e.Sent / slot:0.0} slots; the next permit was free after {e.NextFree / slot:0.0} slots); {e.Before} of the sync's requests served in between"));
        }

        var slots = edits.Select(e => e.Sent / slot).Order().ToList();
        var late = edits.Select(e => (e.Sent - e.NextFree) / slot).Order().ToList();
        var before = edits.Select(e => (double)e.Before).Order().ToList();
        var saved = edits.Select(e => e.Edit.TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of 10 edits: at Discogs after {Median(slots):0.0} slots (max {slots[^1]:0.0}) of {slot.TotalSeconds:0.0} s; after the next free permit: median {Median(late):0.0} slots, max {late[^1]:0.0}; " +
            $"sync requests served in between: median {Median(before):0}, max {before[^1]:0}; the edit saved locally in a median {Median(saved):0} ms (max {saved[^1]:0}); 429s: {counters.TooManyRequests}"));
    }

    private static double Median(List<double> sorted) => (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
}
