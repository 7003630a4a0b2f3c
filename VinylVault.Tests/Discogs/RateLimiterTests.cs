using VinylVault.Tests.Discogs.Support;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Discogs;

/// <summary>The one process-wide limiter, through the real handler chain, on a fake clock.</summary>
public sealed class RateLimiterTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task An_idle_client_sends_its_full_burst_and_then_each_request_a_window_after_the_answer_it_replaces()
    {
        using var harness = DiscogsHarness.Create(limit: 3, windowSeconds: 10);
        var start = harness.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await harness.Api.GetIdentityAsync(default); // answered at start + i s, without waiting
            harness.Time.Advance(Second);
        }

        var fourth = harness.Api.GetIdentityAsync(default);
        var fifth = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 2, "two queued callers");
        harness.Time.Advance(7 * Second - TestTime.Tick);
        Assert.Equal(2, harness.Limiter.Queued); // every permit is taken until start + 10 s
        Assert.Equal(3, harness.Primary.Count);

        harness.Time.Advance(TestTime.Tick);
        await Eventually.TrueAsync(() => harness.Primary.Count == 4, "the fourth request");
        Assert.Equal(start + 10 * Second, harness.Primary.Requests[3].At);
        Assert.Equal(1, harness.Limiter.Queued);

        harness.Time.Advance(Second);
        await Task.WhenAll(fourth, fifth).WaitAsync(Eventually.Patience);
        Assert.Equal(start + 11 * Second, harness.Primary.Requests[4].At);
    }

    [Fact]
    public async Task Many_concurrent_callers_never_put_more_than_the_limit_in_any_window()
    {
        const int limit = 5;
        var window = TimeSpan.FromSeconds(1);
        using var harness = DiscogsHarness.Create(limit: limit, windowSeconds: window.TotalSeconds);
        var random = new Random(7);
        var answering = 0;
        harness.Primary.Otherwise = async (request, cancellationToken) =>
        {
            // Answers take 0-300 ms: the server counts at arrival, the limiter only sees answers.
            Interlocked.Increment(ref answering);
            int latency;
            lock (random)
            {
                latency = random.Next(0, 300);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(latency), harness.Time, cancellationToken);
            Interlocked.Decrement(ref answering);
            return ScriptedDiscogs.Json(System.Net.HttpStatusCode.OK, ScriptedDiscogs.Identity);
        };

        var callers = Enumerable.Range(0, 60).Select(_ => harness.Api.GetIdentityAsync(default)).ToArray();
        var step = TimeSpan.FromMilliseconds(37);
        while (!callers.All(c => c.IsCompleted))
        {
            // Move the clock only while every caller waits on it (for a permit or an answer), so that no request
            // is late because the clock ran ahead of it.
            await Eventually.TrueAsync(
                () => harness.Limiter.Queued + Volatile.Read(ref answering) == callers.Count(c => !c.IsCompleted),
                "every caller waiting on the clock");
            harness.Time.Advance(step);
        }

        var arrivals = harness.Primary.Requests.Select(r => r.At).Order().ToArray();
        Assert.Equal(60, arrivals.Length);
        var busiest = arrivals.Max(from => arrivals.Count(at => at >= from && at < from + window));
        Assert.Equal(limit, busiest); // at the limit, never above it
        // ...and close to it: 60 requests at 5 a window need 11 windows after the first, plus answer times.
        Assert.InRange(arrivals[^1] - arrivals[0], 11 * window, 11 * (window + TimeSpan.FromMilliseconds(300) + 2 * step));
    }

    [Fact]
    public async Task Every_caller_wait_is_measured_and_the_estimate_follows_the_log()
    {
        using var harness = DiscogsHarness.Create(limit: 2, windowSeconds: 10);
        using var metrics = new MetricsRecorder(harness.Services);
        var limiter = harness.Limiter;
        Assert.Equal(TimeSpan.Zero, limiter.EstimateTimeToSend(2));
        Assert.Equal(10 * Second, limiter.EstimateTimeToSend(3));

        await harness.Api.GetIdentityAsync(default);
        harness.Time.Advance(4 * Second);
        await harness.Api.GetIdentityAsync(default);
        Assert.Equal(6 * Second, limiter.EstimateTimeToSend(1));  // the first permit is back at 10 s
        Assert.Equal(10 * Second, limiter.EstimateTimeToSend(2)); // the second at 14 s
        Assert.Equal(16 * Second, limiter.EstimateTimeToSend(3)); // then the first again, a window later

        var waiting = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => limiter.Queued == 1, "a queued caller");
        harness.Time.Advance(6 * Second);
        var third = await waiting.WaitAsync(Eventually.Patience);

        Assert.Equal("alice", third.Username);
        Assert.Equal([0d, 0d, 6d], metrics.Values("vinylvault_ratelimit_wait"));
        Assert.Equal(3, metrics.Values("vinylvault_discogs_requests").Count);
        Assert.Equal(2, limiter.InUse); // the first permit came back at 10 s and went to the third request
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_gets_its_own_cancellation_and_spends_nothing()
    {
        using var harness = DiscogsHarness.Create(limit: 1, windowSeconds: 10);
        await harness.Api.GetIdentityAsync(default);
        using var cancel = new CancellationTokenSource();

        var waiting = harness.Api.GetIdentityAsync(cancel.Token);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "a queued caller");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        harness.Time.Advance(10 * Second);
        await harness.Api.GetIdentityAsync(default); // the permit went to this caller, not the cancelled one
        Assert.Equal(2, harness.Primary.Count);
    }

    [Fact]
    public async Task A_window_set_at_run_time_applies_to_the_next_permits()
    {
        using var harness = DiscogsHarness.Create(limit: 2, windowSeconds: 60);
        harness.Limiter.UseWindow(TimeSpan.FromSeconds(5));
        var start = harness.Time.GetUtcNow();
        await harness.Api.GetIdentityAsync(default);
        await harness.Api.GetIdentityAsync(default);

        var third = harness.Api.GetIdentityAsync(default);
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "the third caller queued");
        harness.Time.Advance(5 * Second);
        await third.WaitAsync(Eventually.Patience);

        Assert.Equal(TimeSpan.FromSeconds(5), harness.Limiter.Window);
        Assert.Equal(start + 5 * Second, harness.Primary.Requests[2].At);
    }
}
