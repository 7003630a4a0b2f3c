using System.Net;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Discogs.Support;
using VinylVault.Tests.Support;
using static VinylVault.Tests.Discogs.Support.ScriptedDiscogs;

namespace VinylVault.Tests.Discogs;

/// <summary>The server's X-Discogs-Ratelimit* headers and 429s correct the local log (the budget is per IP).</summary>
public sealed class ServerBudgetTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_server_that_agrees_with_us_costs_nothing()
    {
        using var harness = DiscogsHarness.Create(limit: 5, windowSeconds: Window.TotalSeconds);
        harness.Primary.Then([.. Enumerable.Range(1, 5).Select(used => Budget(5, used))]);
        var start = harness.Time.GetUtcNow();

        for (var i = 0; i < 5; i++)
        {
            await harness.Api.GetIdentityAsync(default); // all five at once: no permit held back
        }

        Assert.Equal(0, harness.Limiter.LastRemaining);
        var sixth = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        harness.Time.Advance(Window);
        await sixth.WaitAsync(Eventually.Patience);
        Assert.Equal(start + Window, harness.Primary.Requests[5].At); // exactly a window after the first, not later
    }

    [Fact]
    public async Task Remaining_zero_holds_requests_back_although_local_permits_remain()
    {
        using var harness = DiscogsHarness.Create(limit: 5, windowSeconds: Window.TotalSeconds);
        harness.Primary.Then(Budget(5, 5)); // another device at home spent the rest
        var start = harness.Time.GetUtcNow();
        await harness.Api.GetIdentityAsync(default);

        var second = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        harness.Time.Advance(Window - TestTime.Tick);
        Assert.Equal(1, harness.Limiter.Queued);
        Assert.Equal(1, harness.Primary.Count);

        harness.Time.Advance(TestTime.Tick);
        await second.WaitAsync(Eventually.Patience);
        Assert.Equal(start + Window, harness.Primary.Requests[1].At);
    }

    [Fact]
    public async Task Used_beyond_our_own_count_shrinks_our_share_of_the_window()
    {
        using var harness = DiscogsHarness.Create(limit: 5, windowSeconds: Window.TotalSeconds);
        harness.Primary.Then(Budget(5, 4)); // we sent 1, the server saw 4: others used 3
        await harness.Api.GetIdentityAsync(default);

        await harness.Api.GetIdentityAsync(default); // the one request left in this window goes at once
        var third = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        Assert.Equal(5, harness.Limiter.InUse);

        harness.Time.Advance(Window);
        await third.WaitAsync(Eventually.Patience);
        Assert.Equal(3, harness.Primary.Count);
    }

    [Fact]
    public async Task A_server_limit_above_ours_leaves_room_for_other_devices_before_holding_back()
    {
        using var harness = DiscogsHarness.Create(limit: 55, windowSeconds: Window.TotalSeconds);
        harness.Primary.Then(Budget(60, 5)); // we sent 1, others 4: within the 5 our limit leaves them

        await harness.Api.GetIdentityAsync(default);

        Assert.Equal(1, harness.Limiter.InUse);
        Assert.Equal(55, harness.Limiter.LastRemaining);
    }

    [Fact]
    public async Task A_429_holds_every_caller_of_the_process_for_a_window()
    {
        using var harness = DiscogsHarness.Create(limit: 10, windowSeconds: Window.TotalSeconds, maxRetries: 0);
        harness.Primary.Then(Error(HttpStatusCode.TooManyRequests, "You are making requests too quickly."));
        var start = harness.Time.GetUtcNow();

        var error = await Assert.ThrowsAsync<DiscogsRateLimitException>(() => harness.Api.GetIdentityAsync(default));
        Assert.Contains("You are making requests too quickly.", error.Message);
        Assert.Equal(0, harness.Limiter.LastRemaining);

        var other = harness.Api.GetReleaseAsync(1, null, default); // another caller, nine local permits free
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        harness.Time.Advance(Window - TestTime.Tick);
        Assert.Equal(1, harness.Primary.Count);

        harness.Time.Advance(TestTime.Tick);
        await Eventually.TrueAsync(() => harness.Primary.Count == 2, "the held request");
        Assert.Equal(start + Window, harness.Primary.Requests[1].At);
        await other.WaitAsync(Eventually.Patience);
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_the_process_that_long()
    {
        using var harness = DiscogsHarness.Create(limit: 10, windowSeconds: Window.TotalSeconds, maxRetries: 0);
        harness.Primary.Then(Error(HttpStatusCode.TooManyRequests, "You are making requests too quickly.", ("Retry-After", "3")));
        var start = harness.Time.GetUtcNow();
        await Assert.ThrowsAsync<DiscogsRateLimitException>(() => harness.Api.GetIdentityAsync(default));

        var other = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        harness.Time.Advance(TimeSpan.FromSeconds(3) - TestTime.Tick);
        Assert.Equal(1, harness.Limiter.Queued);

        harness.Time.Advance(TestTime.Tick);
        await other.WaitAsync(Eventually.Patience);
        Assert.Equal(start + TimeSpan.FromSeconds(3), harness.Primary.Requests[1].At);
    }
}
