using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Sync;

/// <summary>Issue 3's acceptance against the simulator over real HTTP, through the real client stack, time-scaled.</summary>
public sealed class SyncAcceptanceTests
{
    private static int Pages(int items) => (items + 99) / 100;

    [Fact]
    public async Task A_1000_item_collection_with_duplicate_copies_syncs_completely_at_the_limit_without_a_429()
    {
        await using var harness = await SyncHarness.StartAsync(1000);
        var distinct = harness.Simulator.Collection.ReleaseIds.Count;
        Assert.True(distinct < 1000, "the collection holds second copies");
        var statuses = new ConcurrentQueue<(SyncStatus Status, bool Final)>();
        using var subscription = harness.Host.Services.GetRequiredService<SyncProgress>().Subscribe((s, final) => statuses.Enqueue((s, final)));

        var run = await harness.SyncAsync();

        Assert.Equal((SyncOutcome.Completed, 0), (run.Outcome, run.ErrorCount));
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
        var requests = harness.Simulator.Counters.TotalRequests;
        // Beside pages and details: folders, fields, the wantlist's one page, and the day's value snapshot.
        Assert.InRange(requests, Pages(1000) + distinct, Pages(1000) + distinct + 4);
        Assert.Equal(0, harness.Simulator.Counters.TooManyRequests);
        Assert.Equal((1000, 1000, distinct, requests), (run.TotalItems, run.ItemsAdded, run.ReleasesFetched, run.RequestsMade));

        var stats = await harness.Queries.GetStatsAsync(CancellationToken.None);
        Assert.Equal((1000, distinct, distinct), (stats.TotalAlbums, stats.TotalReleases, stats.ReleasesWithDetails));
        Assert.Equal(SyncOutcome.Completed, stats.LastSync!.Outcome);

        // Progress went through pages then details, counting up, with an ETA while syncing, and ended once, completed.
        var seen = statuses.ToList();
        Assert.Equal(SyncPhase.Pages, seen[0].Status.Phase);
        var details = seen.Where(s => s.Status.Phase == SyncPhase.Details && s.Status.Status == SyncState.Syncing).Select(s => s.Status).ToList();
        Assert.NotEmpty(details);
        Assert.All(details, s => Assert.Equal((Pages(1000), Pages(1000), distinct), (s.CurrentPage, s.TotalPages, s.TotalItems)));
        Assert.All(details, s => Assert.NotNull(s.EstimatedCompletion));
        Assert.Equal(details.Select(s => s.ProcessedItems).Order(), details.Select(s => s.ProcessedItems));
        var final = Assert.Single(seen, s => s.Final);
        Assert.Equal((SyncState.Completed, 100.0, distinct, distinct), (final.Status.Status, final.Status.ProgressPercent, final.Status.ProcessedItems, final.Status.TotalItems));
        Assert.Equal(SyncState.Completed, harness.Worker.Status.Status);

        // An unchanged collection costs only its pages and the fixed calls, and writes nothing.
        harness.Simulator.ResetTraffic();
        var again = await harness.SyncAsync();
        Assert.Equal(SyncOutcome.Completed, again.Outcome);
        Assert.InRange(harness.Simulator.Counters.TotalRequests, Pages(1000), Pages(1000) + 3);
        Assert.Equal((0, 0, 0, 0), (again.ItemsAdded, again.ItemsUpdated, again.ItemsRemoved, again.ReleasesFetched));
    }

    [Fact]
    public async Task After_adding_5_removing_3_re_rating_4_and_moving_2_a_sync_matches_and_costs_pages_plus_5()
    {
        await using var harness = await SyncHarness.StartAsync(300);
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);

        var collection = harness.Simulator.Collection;
        var items = collection.Items;
        collection.AddItems(5);
        collection.Remove(items.Take(3).Select(i => i.InstanceId));
        foreach (var item in items.Skip(10).Take(4))
        {
            collection.Rate(item.InstanceId, (item.Rating + 1) % 6);
        }

        foreach (var item in items.Skip(20).Take(2))
        {
            collection.Move(item.InstanceId, item.FolderId == 2 ? 3 : 2);
        }

        harness.Simulator.ResetTraffic();
        var run = await harness.SyncAsync();

        Assert.Equal(SyncOutcome.Completed, run.Outcome);
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
        Assert.InRange(harness.Simulator.Counters.TotalRequests, Pages(302) + 5, Pages(302) + 5 + 3);
        Assert.Equal((5, 6, 3, 5), (run.ItemsAdded, run.ItemsUpdated, run.ItemsRemoved, run.ReleasesFetched));
        Assert.Equal(302, (await harness.Queries.GetPageAsync(new CollectionQuery(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Force_full_fetches_every_release_again_and_changes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(120);
        using var metrics = new MetricsRecorder(harness.Host.Services);
        await harness.SyncAsync();
        var before = await DatabaseDump.CaptureAsync(harness.Contexts);
        var distinct = harness.Simulator.Collection.ReleaseIds.Count;
        harness.Simulator.ResetTraffic();

        var run = await harness.SyncAsync(forceFull: true);

        Assert.Equal((SyncOutcome.Completed, true, distinct), (run.Outcome, run.ForceFull, run.ReleasesFetched));
        Assert.InRange(harness.Simulator.Counters.TotalRequests, Pages(120) + distinct, Pages(120) + distinct + 3);
        Assert.All(harness.Simulator.Counters.Releases.Values, count => Assert.Equal(1, count.Served));
        Assert.Equal(before, await DatabaseDump.CaptureAsync(harness.Contexts));

        // Both runs reached the metrics: outcome and duration, items processed, the collection's size.
        Assert.Equal(["outcome=completed", "outcome=completed"], metrics.Tags("vinylvault_sync_runs"));
        Assert.Equal(2, metrics.Values("vinylvault_sync_duration").Count);
        Assert.Equal(2 * (120 + distinct), metrics.Values("vinylvault_sync_items_processed").Sum()); // each run reads every item
        Assert.Equal(120, metrics.Values("vinylvault_collection_releases")[^1]);
    }
}
