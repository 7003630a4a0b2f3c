using VinylVault.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Core.Sync;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Sync;

/// <summary>Sync:QuickCheckSeconds against the simulator on a real socket: 2 requests when nothing changed, a sync when something did.</summary>
public sealed class QuickCheckTests
{
    [Fact]
    public async Task An_unchanged_collection_costs_at_most_2_requests_a_check_and_3_records_added_on_discogs_arrive_by_the_next_check()
    {
        await using var harness = await SyncHarness.StartAsync(120, new Dictionary<string, string?> { ["Sync:QuickCheckSeconds"] = "0.5" });
        var log = harness.Host.Services.GetRequiredService<QuickCheckLog>();
        var counters = harness.Simulator.Counters;
        var seen = new List<(int Checks, int Requests)>();
        log.Recorded += () =>
        {
            lock (seen)
            {
                seen.Add((log.Summary(0).CountToday, counters.TotalRequests));
            }
        };
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        harness.Simulator.ResetTraffic();
        var before = log.Summary(0);

        await Eventually.TrueAsync(() => log.Summary(0).CountToday >= before.CountToday + 3, "three quick checks");
        var summary = log.Summary(0);
        Assert.Equal(summary.RequestsToday - before.RequestsToday, 2 * (summary.CountToday - before.CountToday));
        Assert.Equal((false, 2), (summary.LastChanged, summary.LastRequests));
        lock (seen)
        {
            // The simulator's count agrees: 2 requests a check, and nothing else in between.
            Assert.Equal(2 * (seen[^1].Checks - seen[^2].Checks), seen[^1].Requests - seen[^2].Requests);
        }

        Assert.Equal(counters.TotalRequests, counters.Requests("folders") + counters.Requests("collection"));
        Assert.Single(await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None)); // no run for an unchanged collection

        var added = harness.Simulator.Collection.AddItems(3);
        await Eventually.TrueAsync(async () => await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None) is [{ Outcome: SyncOutcome.Completed }, _],
            "a sync started by the quick check, completed");
        var run = (await harness.Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
        Assert.Equal((SyncTrigger.QuickCheck, 3, 3), (run.Trigger, run.ItemsAdded, run.ReleasesFetched));
        foreach (var item in added)
        {
            Assert.True((await harness.Queries.GetReleaseAsync(item.ReleaseId, CancellationToken.None))!.HasDetails);
        }

        Assert.True(log.Summary(0).ChangesToday >= 1);
    }

    [Fact]
    public async Task A_quick_check_sees_a_removed_copy_by_the_counts_and_stays_off_before_the_first_sync()
    {
        await using var harness = await SyncHarness.StartAsync(40, new Dictionary<string, string?> { ["Sync:QuickCheckSeconds"] = "0" });
        var worker = harness.Host.Services.GetRequiredService<QuickCheckWorker>();

        Assert.False(await worker.CheckAsync(CancellationToken.None)); // no completed sync yet: the first one is the owner's
        Assert.Equal(0, harness.Simulator.Counters.TotalRequests);

        await harness.SyncAsync();
        harness.Simulator.Collection.Remove(harness.Simulator.Collection.Items[5].InstanceId);
        harness.Simulator.ResetTraffic();
        Assert.True(await worker.CheckAsync(CancellationToken.None));
        Assert.Equal(1, harness.Simulator.Counters.TotalRequests); // the folder counts said it: no second request needed
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(39, (await harness.Queries.GetPageAsync(new(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task The_newest_copy_as_discogs_sorts_it_is_one_request_and_the_folder_list_carries_counts()
    {
        await using var harness = await SyncHarness.StartAsync(30);
        var added = harness.Simulator.Collection.AddItems(1, folderId: 2).Single();
        using var http = harness.Server.CreateClient();

        var page = await http.GetFromJsonAsync<JsonElement>($"users/{harness.Server.Username}/collection/folders/0/releases?sort=added&sort_order=desc&per_page=1");
        Assert.Equal(added.InstanceId, page.GetProperty("releases").EnumerateArray().Single().GetProperty("instance_id").GetInt64());
        Assert.Equal((1, 31), (page.GetProperty("pagination").GetProperty("per_page").GetInt32(), page.GetProperty("pagination").GetProperty("items").GetInt32()));

        var folders = (await http.GetFromJsonAsync<JsonElement>($"users/{harness.Server.Username}/collection/folders")).GetProperty("folders").EnumerateArray().ToList();
        Assert.Equal(31, folders.Single(f => f.GetProperty("id").GetInt32() == 0).GetProperty("count").GetInt32());
        Assert.Equal(31, folders.Where(f => f.GetProperty("id").GetInt32() != 0).Sum(f => f.GetProperty("count").GetInt32()));
    }

    [Fact]
    public void The_summary_counts_the_day_and_starts_again_at_local_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 23, 40, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var log = new QuickCheckLog(time);
        Assert.Equal(new QuickCheckSummary(900, null, null, null, 0, 0, 0), log.Summary(900));

        log.Record(2, changed: false);
        time.Advance(TimeSpan.FromMinutes(15));
        log.Record(1, changed: true);
        Assert.Equal(new QuickCheckSummary(900, time.GetUtcNow(), true, 1, 2, 3, 1), log.Summary(900));

        time.Advance(TimeSpan.FromMinutes(15)); // 00:10 the next day
        Assert.Equal(new QuickCheckSummary(900, time.GetUtcNow() - TimeSpan.FromMinutes(15), true, 1, 0, 0, 0), log.Summary(900));
        log.Record(2, changed: false);
        Assert.Equal((1, 2, 0), (log.Summary(900).CountToday, log.Summary(900).RequestsToday, log.Summary(900).ChangesToday));
    }
}
