using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Sync;
using VinylVault.Tests.Support;
using VinylVault.Tests.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Outbox;

/// <summary>An edit made while a long sync runs reaches Discogs within a few request slots, not after the sync, and under the same limit.</summary>
public sealed class OutboxDuringSyncTests(ITestOutputHelper output)
{
    private const int Limit = 60;
    private const double WindowSeconds = 6;

    [Fact]
    public async Task An_edit_made_during_a_sync_is_sent_within_a_few_request_slots()
    {
        // 60 requests per 6 s for client and simulator: a slot is 0.1 s, long beside the machine's own delays. The
        // sync of 110 copies spends the first window's budget at once and waits for the second: the edit is made
        // in that wait, when no request may go, and must be the first to go when one may.
        var window = WindowSeconds.ToString(CultureInfo.InvariantCulture);
        await using var harness = await SyncHarness.StartAsync(110,
            new Dictionary<string, string?> { ["Discogs:MaxRequestsPerMinute"] = $"{Limit}", ["Discogs:RateLimitWindowSeconds"] = window },
            simulator => (simulator.RateLimit, simulator.RateLimitWindowSeconds) = (Limit, WindowSeconds));
        var slot = TimeSpan.FromSeconds(WindowSeconds / Limit);
        var limiter = harness.Host.Services.GetRequiredService<DiscogsRateLimiter>();
        var counters = harness.Simulator.Counters;
        var copy = harness.Simulator.Collection.Items[^1];
        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        await Eventually.TrueAsync(() => counters.Requests("release") > 0 && limiter.Queued > 0, "the detail pass to wait for the budget", TimeSpan.FromSeconds(30));

        var editor = harness.Host.Services.GetRequiredService<CollectionEditor>();
        Assert.Equal(EditStatus.Done, (await editor.UpdateAsync(copy.InstanceId, new CopyEdit(Rating: copy.Rating == 5 ? 1 : 5), default)).Status);
        var (atEdit, nextFree) = (counters.TotalRequests, limiter.EstimateTimeToSend(1));
        var watch = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => counters.Requests("edit_instance") > 0, "the edit to reach Discogs", TimeSpan.FromSeconds(30));
        var (sent, before) = (watch.Elapsed, counters.TotalRequests - atEdit - 1);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"At Discogs {sent / slot:0.0} slots after it was saved, {(sent - nextFree) / slot:0.0} after the budget allowed a request; {before} of the sync's requests went first"));
        Assert.True(harness.Worker.IsRunning, "the edit waited for the whole sync");
        // The lane puts it ahead of every queued sync request; the slots allow for a busy machine's timers and threads.
        Assert.InRange(before, 0, 5);
        Assert.InRange((sent - nextFree) / slot, double.MinValue, 5);
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(copy.Rating == 5 ? 1 : 5, harness.Simulator.Collection[copy.InstanceId].Rating);
        Assert.Equal(0, counters.TooManyRequests);
    }
}
