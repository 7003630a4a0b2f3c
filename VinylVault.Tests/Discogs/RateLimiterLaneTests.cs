using VinylVault.Tests.Support;
using System.Net;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Discogs;

/// <summary>The interactive lane: served before queued sync requests, inside the same budget, on a fake clock.</summary>
public sealed class RateLimiterLaneTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_release_opened_goes_before_every_queued_sync_request_and_the_window_still_holds()
    {
        using var harness = Releases(limit: 2, windowSeconds: 10);
        var start = harness.Time.GetUtcNow();
        await harness.Api.GetReleaseAsync(1, null, default);
        await harness.Api.GetReleaseAsync(2, null, default);
        var sync = new[] { 3L, 4, 5, 6 }.Select(id => harness.Api.GetReleaseAsync(id, null, default)).ToArray();
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 4, "four queued sync requests");

        Task<DiscogsRelease> opened;
        using (DiscogsLane.Interactive())
        {
            opened = harness.Api.GetReleaseAsync(99, null, default);
        }

        await Eventually.TrueAsync(() => harness.Limiter.InteractiveQueued == 1, "the interactive request queued");
        Assert.Equal(TimeSpan.FromSeconds(30), harness.Limiter.EstimateTimeToSend(4)); // the opened one counts ahead of the sync's four

        harness.Time.Advance(10 * Second);
        Assert.Equal(99, (await opened.WaitAsync(Eventually.Patience)).Id);
        await sync[0].WaitAsync(Eventually.Patience); // the second permit went to the oldest sync request
        Assert.Equal(["/releases/3", "/releases/99"], harness.Primary.Requests.Skip(2).Select(r => r.Uri.AbsolutePath).Order());
        Assert.Equal(4, harness.Primary.Count);

        harness.Time.Advance(10 * Second);
        await Task.WhenAll(sync[1], sync[2]).WaitAsync(Eventually.Patience);
        harness.Time.Advance(10 * Second);
        await sync[3].WaitAsync(Eventually.Patience);
        var arrivals = harness.Primary.Requests.Select(r => r.At).ToArray();
        Assert.Equal(2, arrivals.Max(from => arrivals.Count(at => at >= from && at < from + 10 * Second)));
        Assert.Equal(start + 30 * Second, arrivals.Max());
    }

    [Fact]
    public async Task An_interactive_caller_that_gives_up_spends_nothing_and_its_permit_goes_to_the_sync()
    {
        using var harness = Releases(limit: 1, windowSeconds: 10);
        await harness.Api.GetReleaseAsync(1, null, default);
        var sync = harness.Api.GetReleaseAsync(2, null, default);
        using var cancel = new CancellationTokenSource();
        Task<DiscogsRelease> opened;
        using (DiscogsLane.Interactive())
        {
            opened = harness.Api.GetReleaseAsync(99, null, cancel.Token);
        }

        await Eventually.TrueAsync(() => harness.Limiter.Queued == 2, "one caller in each lane");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opened);
        Assert.Equal(0, harness.Limiter.InteractiveQueued);

        harness.Time.Advance(10 * Second);
        Assert.Equal(2, (await sync.WaitAsync(Eventually.Patience)).Id);
        Assert.Equal(["/releases/1", "/releases/2"], harness.Primary.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.Equal(1, harness.Limiter.InUse);
    }

    [Fact]
    public async Task The_lane_is_ambient_and_ends_with_its_scope()
    {
        Assert.False(DiscogsLane.IsInteractive);
        using (DiscogsLane.Interactive())
        {
            await Task.Yield();
            Assert.True(DiscogsLane.IsInteractive);
            using (DiscogsLane.Interactive())
            {
                Assert.True(DiscogsLane.IsInteractive);
            }

            Assert.True(DiscogsLane.IsInteractive);
        }

        Assert.False(DiscogsLane.IsInteractive);
    }

    /// <summary>A scripted Discogs that answers GET /releases/{id} with that release.</summary>
    private static DiscogsHarness Releases(int limit, double windowSeconds)
    {
        var harness = DiscogsHarness.Create(limit: limit, windowSeconds: windowSeconds);
        harness.Primary.Otherwise = (request, _) => Task.FromResult(ScriptedDiscogs.Json(HttpStatusCode.OK,
            $$"""{"id": {{request.RequestUri!.Segments[^1]}}, "title": "Scripted"}"""));
        return harness;
    }
}
