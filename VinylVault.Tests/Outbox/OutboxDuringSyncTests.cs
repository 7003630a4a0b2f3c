using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Outbox;

/// <summary>An edit made while a long sync runs reaches Discogs within a few request slots, not after the sync, and under the same limit.</summary>
public sealed class OutboxDuringSyncTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_edit_made_during_a_sync_is_sent_within_a_few_request_slots()
    {
        // 60 requests a second for client and simulator: a sync of 400 copies takes several seconds, and the test
        // can watch the simulator's counters closely enough to count request slots.
        await using var harness = await SyncHarness.StartAsync(400,
            new Dictionary<string, string?> { ["Discogs:RateLimitWindowSeconds"] = "1" }, simulator => simulator.RateLimitWindowSeconds = 1);
        var copy = harness.Simulator.Collection.Items[0];
        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await EditingVault.UntilAsync(() => Task.FromResult(harness.Simulator.Counters.Requests("release") >= 60), "the detail pass to be under way");

        var editor = harness.Host.Services.GetRequiredService<CollectionEditor>();
        var before = harness.Simulator.Counters.TotalRequests;
        Assert.Equal(EditStatus.Done, (await editor.UpdateAsync(copy.InstanceId, new CopyEdit(Rating: copy.Rating == 5 ? 1 : 5), default)).Status);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (harness.Simulator.Counters.Requests("edit_instance") == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the edit never reached Discogs");
            await Task.Delay(2);
        }

        var delivered = harness.Simulator.Counters.TotalRequests;

        var slots = delivered - before;
        output.WriteLine($"The edit arrived {slots} requests after it was made; the sync was {(harness.Worker.IsRunning ? "still running" : "done")}");
        Assert.True(harness.Worker.IsRunning, "the edit waited for the whole sync");
        // Writes go in the limiter's interactive lane, ahead of the sync's queued requests. What still passes first is
        // what was sent while the sender read the outbox from a database the sync is writing to: on a loaded 2-core
        // machine up to about half a second, here 30 requests. Never a whole window, never after the sync.
        Assert.InRange(slots, 1, 60);
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(copy.Rating == 5 ? 1 : 5, harness.Simulator.Collection[copy.InstanceId].Rating);
        Assert.Equal(0, harness.Simulator.Counters.TooManyRequests);
    }
}
