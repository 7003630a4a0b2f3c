using VinylVault.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Sync;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Sync;

/// <summary>Which release details come first: the newest additions, and before them any release someone opens.</summary>
public sealed class DetailOrderTests
{
    [Fact]
    public async Task Details_are_fetched_newest_date_added_first_and_a_resumed_run_keeps_that_order()
    {
        // One request in flight, so the simulator's log is exactly the order the sync asked in.
        await using var harness = await SyncHarness.StartAsync(300, new Dictionary<string, string?> { ["Sync:DetailRequestsInFlight"] = "1" });
        var counters = harness.Simulator.Counters;
        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await Eventually.TrueAsync(() => counters.ReleasesServedInOrder.Count >= 60, "60 releases fetched");
        harness.Worker.TryCancel();
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var first = counters.ReleasesServedInOrder;

        harness.Simulator.ResetTraffic();
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        var resumed = counters.ReleasesServedInOrder;

        var added = await NewestCopyAsync(harness);
        // Every release once across both runs, but the one request in flight at the cancel, whose answer was dropped.
        var log = first.Concat(resumed).Distinct().ToList();
        Assert.InRange(first.Count + resumed.Count - log.Count, 0, 1);
        Assert.Equal(added.OrderByDescending(a => a.Value).ThenBy(a => a.Key).Select(a => a.Key), log);
    }

    [Fact]
    public async Task A_release_opened_during_a_sync_comes_ahead_of_the_queue_once_and_the_sync_does_not_fetch_it_again()
    {
        // 20 requests a second: the detail pass of about 195 releases takes some 10 s.
        await using var harness = await SyncHarness.StartAsync(200,
            new Dictionary<string, string?> { ["Discogs:MaxRequestsPerMinute"] = "20", ["Discogs:RateLimitWindowSeconds"] = "1" },
            simulator: o => (o.RateLimit, o.RateLimitWindowSeconds) = (20, 1));
        var details = harness.Host.Services.GetRequiredService<ReleaseDetailRequests>();
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        details.Finished += id => arrived.TrySetResult(id);
        var counters = harness.Simulator.Counters;

        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await Eventually.TrueAsync(() => counters.ReleasesServedInOrder.Count >= 5, "the detail pass under way");
        var last = (await NewestCopyAsync(harness)).MinBy(a => a.Value).Key; // the end of the sync's queue
        Assert.True(details.Request(last));
        Assert.True(details.Request(last)); // opened twice: still one fetch
        Assert.True(details.IsFetching(last));

        Assert.Equal(last, await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        var fetchedSoFar = counters.ReleasesServedInOrder.Count;
        Assert.True((await harness.Queries.GetReleaseAsync(last, CancellationToken.None))!.HasDetails);
        var distinct = harness.Simulator.Collection.ReleaseIds.Count;
        Assert.True(fetchedSoFar < distinct / 2, $"the opened release came after {fetchedSoFar} of {distinct}, not at the end of the queue");

        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var run = (await harness.Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
        Assert.Equal((SyncOutcome.Completed, distinct - 1), (run.Outcome, run.ReleasesFetched));
        Assert.Equal(1, counters.Release(last).Requests);
        Assert.All(counters.Releases.Values, count => Assert.Equal(1, count.Requests));
        Assert.Equal(0, counters.TooManyRequests);
        Assert.Equal(100, harness.Worker.Status.ProgressPercent);
        Assert.False(details.Request(last)); // fetched: nothing more to ask
    }

    [Fact]
    public async Task A_release_opened_while_no_sync_runs_is_fetched_on_its_own_with_one_request()
    {
        await using var harness = await SyncHarness.StartAsync(30);
        await harness.SyncAsync();
        var releaseId = harness.Simulator.Collection.ReleaseIds[0];
        await using (var db = await harness.Contexts.CreateDbContextAsync())
        {
            // As if the sync had only read the pages so far.
            await db.Releases.Where(r => r.Id == releaseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.HasDetails, false).SetProperty(r => r.DetailsFetchedAt, (DateTime?)null));
            await db.Tracks.Where(t => t.ReleaseId == releaseId).ExecuteDeleteAsync();
        }

        var details = harness.Host.Services.GetRequiredService<ReleaseDetailRequests>();
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        details.Finished += id => arrived.TrySetResult(id);
        harness.Simulator.ResetTraffic();

        Assert.True(details.Request(releaseId));
        Assert.Equal(releaseId, await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        var release = await harness.Queries.GetReleaseAsync(releaseId, CancellationToken.None);
        Assert.True(release!.HasDetails);
        Assert.Equal(harness.Server.ExpectedRelease(releaseId)!.Tracklist.Count, release.Tracklist.Count);
        Assert.Equal(1, harness.Simulator.Counters.TotalRequests);
        Assert.False(details.Request(releaseId));
    }

    /// <summary>Each owned release with the date its newest copy was added, as the database holds them.</summary>
    private static async Task<Dictionary<long, DateTime>> NewestCopyAsync(SyncHarness harness)
    {
        await using var db = await harness.Contexts.CreateDbContextAsync();
        return await db.Instances.GroupBy(i => i.ReleaseId).Select(g => new { g.Key, Added = g.Max(i => i.DateAdded) })
            .ToDictionaryAsync(g => g.Key, g => g.Added);
    }
}
