using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace VinylVault.Tests.Simulator;

/// <summary>
/// The moving-window limit over real HTTP, on a fake clock: the (L+1)-th request within W is refused, every answer
/// carries the three headers, the budget returns after W, and the peak counter is exact.
/// </summary>
public sealed class SimulatorRateLimitTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));

    private Task<SimulatorServer> StartAsync(int limit, double windowSeconds, bool countRefused = true) =>
        SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit, o.RateLimitWindowSeconds, o.CountRefusedRequests) = (20, limit, windowSeconds, countRefused), _time);

    [Fact]
    public async Task The_request_after_the_limit_is_429_and_every_answer_counts_in_the_headers()
    {
        await using var server = await StartAsync(limit: 5, windowSeconds: 1);
        using var client = server.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await client.GetAsync("oauth/identity"));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.All(answers, a => Assert.Equal(5, a.Header("X-Discogs-Ratelimit")));
        Assert.Equal([1, 2, 3, 4, 5, 5], answers.Select(a => a.Header("X-Discogs-Ratelimit-Used")));
        Assert.Equal([4, 3, 2, 1, 0, 0], answers.Select(a => a.Header("X-Discogs-Ratelimit-Remaining")));
        Assert.Equal("You are making requests too quickly.", await answers[5].MessageAsync());
        Assert.Equal(1, server.Simulator.Counters.TooManyRequests);
    }

    [Fact]
    public async Task After_a_full_window_the_budget_is_back()
    {
        await using var server = await StartAsync(limit: 3, windowSeconds: 1);
        using var client = server.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            (await client.GetAsync("oauth/identity")).Dispose();
        }

        _time.Advance(TimeSpan.FromMilliseconds(999));
        using var stillRefused = await client.GetAsync("oauth/identity");
        _time.Advance(TimeSpan.FromSeconds(1));
        using var back = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal((1, 2), (back.Header("X-Discogs-Ratelimit-Used"), back.Header("X-Discogs-Ratelimit-Remaining")));
    }

    [Fact]
    public async Task The_window_moves_with_each_request_rather_than_resetting_on_the_clock()
    {
        await using var server = await StartAsync(limit: 5, windowSeconds: 10);
        using var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        async Task SendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var response = await client.GetAsync("oauth/identity");
                statuses.Add(response.StatusCode);
            }
        }

        await SendAsync(3);                            // t = 0
        _time.Advance(TimeSpan.FromSeconds(6));
        await SendAsync(2);                            // t = 6: window full
        _time.Advance(TimeSpan.FromSeconds(4));
        await SendAsync(4);                            // t = 10: the three of t = 0 expired, the two of t = 6 not

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 8), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Refused_requests_take_a_place_in_the_window_unless_switched_off()
    {
        async Task<HttpStatusCode> LastAfterRefusalAsync(bool countRefused)
        {
            await using var server = await StartAsync(limit: 2, windowSeconds: 10, countRefused);
            using var client = server.CreateClient();
            (await client.GetAsync("oauth/identity")).Dispose();     // t = 0
            _time.Advance(TimeSpan.FromSeconds(1));
            (await client.GetAsync("oauth/identity")).Dispose();     // t = 1
            _time.Advance(TimeSpan.FromSeconds(1));
            (await client.GetAsync("oauth/identity")).Dispose();     // t = 2: refused
            _time.Advance(TimeSpan.FromSeconds(8));
            using var response = await client.GetAsync("oauth/identity"); // t = 10: only t = 0 expired
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await LastAfterRefusalAsync(countRefused: true));
        Assert.Equal(HttpStatusCode.OK, await LastAfterRefusalAsync(countRefused: false));
    }

    [Fact]
    public async Task Another_device_eating_the_budget_shows_in_the_headers_and_refuses_early()
    {
        await using var server = await StartAsync(limit: 10, windowSeconds: 60);
        using var client = server.CreateClient();

        server.Simulator.RateLimit.ConsumeBudget(8);
        using var first = await client.GetAsync("oauth/identity");
        using var second = await client.GetAsync("oauth/identity");
        using var third = await client.GetAsync("oauth/identity");

        Assert.Equal((9, 1), (first.Header("X-Discogs-Ratelimit-Used"), first.Header("X-Discogs-Ratelimit-Remaining")));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, second.Header("X-Discogs-Ratelimit-Remaining"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(2, server.Simulator.Counters.PeakInWindow()); // phantom requests are not the client's
    }

    [Fact]
    public async Task Peak_is_the_most_accepted_requests_in_any_window_not_in_clock_aligned_buckets()
    {
        await using var server = await StartAsync(limit: 100, windowSeconds: 1);
        using var client = server.CreateClient();
        async Task SendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                (await client.GetAsync("oauth/identity")).Dispose();
            }
        }

        _time.Advance(TimeSpan.FromMilliseconds(900));
        await SendAsync(3);                                 // t = 0.9
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await SendAsync(3);                                 // t = 1.1: buckets [0,1) and [1,2) hold 3 each
        _time.Advance(TimeSpan.FromMilliseconds(900));
        await SendAsync(1);                                 // t = 2.0: 0.9 s after t = 1.1

        var counters = server.Simulator.Counters;
        Assert.Equal(6, counters.PeakInWindow());
        Assert.Equal(3, counters.PeakInWindow(TimeSpan.FromMilliseconds(150)));
        Assert.Equal(6, counters.PeakInWindow(TimeSpan.FromMilliseconds(1_100))); // 0.9 and 2.0 are exactly one window apart
        Assert.Equal(7, counters.PeakInWindow(TimeSpan.FromMilliseconds(1_101)));
    }

    [Fact]
    public async Task A_concurrent_burst_gets_exactly_the_limit_through()
    {
        await using var server = await StartAsync(limit: 10, windowSeconds: 60);
        using var client = server.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetAsync("oauth/identity")));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(15, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(10, server.Simulator.Counters.PeakInWindow());
        Assert.Equal(25, server.Simulator.Counters.PeakInWindow(acceptedOnly: false));
        Assert.Equal(25, server.Simulator.Counters.TotalRequests);
    }

    [Fact]
    public async Task Limit_and_window_can_change_at_runtime()
    {
        await using var server = await StartAsync(limit: 1, windowSeconds: 60);
        using var client = server.CreateClient();
        (await client.GetAsync("oauth/identity")).Dispose();

        server.Simulator.RateLimit.Configure(3, TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 2, 1), (response.Header("X-Discogs-Ratelimit"), response.Header("X-Discogs-Ratelimit-Used"), response.Header("X-Discogs-Ratelimit-Remaining")));
    }

    [Fact]
    public async Task On_the_real_clock_a_time_scaled_window_frees_the_budget_after_w()
    {
        await using var server = await SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit, o.RateLimitWindowSeconds) = (10, 4, 0.3));
        using var client = server.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            (await client.GetAsync("oauth/identity")).Dispose();
        }

        using var refused = await client.GetAsync("oauth/identity");
        await Task.Delay(TimeSpan.FromMilliseconds(350));
        using var accepted = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(4, server.Simulator.Counters.PeakInWindow());
    }
}
