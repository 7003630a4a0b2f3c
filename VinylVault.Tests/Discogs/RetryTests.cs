using System.Net;
using System.Text.Json;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Discogs.Support;
using VinylVault.Tests.Support;
using static VinylVault.Tests.Discogs.Support.ScriptedDiscogs;

namespace VinylVault.Tests.Discogs;

/// <summary>Retries (Polly, outside the limiter) and the typed errors callers of IDiscogsApi see.</summary>
public sealed class RetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private static bool IsBackoff(TimeSpan due) => due > TimeSpan.Zero && due <= TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Two_503s_then_a_200_succeed_in_three_tries_each_paying_a_permit()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(HttpStatusCode.ServiceUnavailable, "down"), Error(HttpStatusCode.ServiceUnavailable, "down"));
        var start = harness.Time.GetUtcNow();

        var call = harness.Api.GetIdentityAsync(default);
        var first = await harness.Time.NextTimerAsync(IsBackoff);
        harness.Time.Advance(first);
        var second = await harness.Time.NextTimerAsync(IsBackoff);
        harness.Time.Advance(second);
        var identity = await call.WaitAsync(Eventually.Patience);

        Assert.Equal("alice", identity.Username);
        Assert.Equal([start, start + first, start + first + second], harness.Primary.Requests.Select(r => r.At));
        Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)); // backoff with jitter
        Assert.InRange(second, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));  // doubled
        Assert.Equal(3, harness.Limiter.InUse);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Authentication_failures_are_tried_once(HttpStatusCode status)
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(status, "You must authenticate to access this resource."));

        var error = await Assert.ThrowsAsync<DiscogsAuthenticationException>(() => harness.Api.GetIdentityAsync(default));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains("You must authenticate to access this resource.", error.Message);
        Assert.Equal(1, harness.Primary.Count);
    }

    [Fact]
    public async Task Not_found_is_tried_once()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(HttpStatusCode.NotFound, "Release not found."));

        var error = await Assert.ThrowsAsync<DiscogsNotFoundException>(() => harness.Api.GetReleaseAsync(404, null, default));

        Assert.Contains("Release not found.", error.Message);
        Assert.Equal(1, harness.Primary.Count);
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_exactly_that_long_then_succeeds()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(HttpStatusCode.TooManyRequests, "You are making requests too quickly.", ("Retry-After", "2")));
        var start = harness.Time.GetUtcNow();

        var call = harness.Api.GetIdentityAsync(default);
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        harness.Time.Advance(TimeSpan.FromSeconds(2) - TestTime.Tick);
        Assert.Equal(1, harness.Primary.Count);
        harness.Time.Advance(TestTime.Tick);

        Assert.Equal("alice", (await call.WaitAsync(Eventually.Patience)).Username);
        Assert.Equal(start + TimeSpan.FromSeconds(2), harness.Primary.Requests[1].At);
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_only_after_a_whole_window()
    {
        using var harness = DiscogsHarness.Create(windowSeconds: 10);
        harness.Primary.Then(Error(HttpStatusCode.TooManyRequests, "You are making requests too quickly."));
        var start = harness.Time.GetUtcNow();

        var call = harness.Api.GetIdentityAsync(default);
        harness.Time.Advance(await harness.Time.NextTimerAsync(IsBackoff));
        await Eventually.TrueAsync(() => harness.Limiter.Queued == 1, "the retry waiting for the limiter");
        harness.Time.SetUtcNow(start + TimeSpan.FromSeconds(10) - TestTime.Tick);
        Assert.Equal(1, harness.Primary.Count);
        harness.Time.Advance(TestTime.Tick);

        await call.WaitAsync(Eventually.Patience);
        Assert.Equal(start + TimeSpan.FromSeconds(10), harness.Primary.Requests[1].At);
    }

    [Fact]
    public async Task A_429_that_never_ends_becomes_a_rate_limit_error_after_every_retry()
    {
        using var harness = DiscogsHarness.Create(windowSeconds: 1, maxRetries: 2);
        harness.Primary.Otherwise = Error(HttpStatusCode.TooManyRequests, "You are making requests too quickly.");

        await Assert.ThrowsAsync<DiscogsRateLimitException>(() => harness.Time.RunAsync(harness.Api.GetIdentityAsync(default), Step));

        Assert.Equal(3, harness.Primary.Count);
    }

    [Fact]
    public async Task An_HTML_502_page_is_a_typed_error_not_a_JSON_exception()
    {
        using var harness = DiscogsHarness.Create(maxRetries: 1);
        harness.Primary.Otherwise = Html(HttpStatusCode.BadGateway);

        var error = await Assert.ThrowsAsync<DiscogsApiException>(() => harness.Time.RunAsync(harness.Api.GetIdentityAsync(default), Step));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("Discogs answered 502 Bad Gateway without a readable error message.", error.Message);
        Assert.Equal(2, harness.Primary.Count); // a 5xx is retried
    }

    [Fact]
    public async Task Malformed_JSON_in_a_200_is_an_answer_that_could_not_be_read()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Answer(HttpStatusCode.OK, """{"id": 1, "tracklist": [{"position": "A1", """));

        var error = await Assert.ThrowsAsync<DiscogsApiException>(() => harness.Api.GetReleaseAsync(1, null, default));

        Assert.Equal(typeof(DiscogsApiException), error.GetType());
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("could not be read", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Equal(1, harness.Primary.Count);
    }

    [Fact]
    public async Task A_try_that_times_out_is_retried_then_reported_as_a_connection_error()
    {
        using var harness = DiscogsHarness.Create(maxRetries: 1, settings: new Dictionary<string, string?> { ["Discogs:TimeoutSeconds"] = "5" });
        harness.Primary.Otherwise = Hang(harness.Time);

        var error = await Assert.ThrowsAsync<DiscogsConnectionException>(() => harness.Time.RunAsync(harness.Api.GetIdentityAsync(default), Step));

        Assert.Equal("Discogs unreachable: no answer within 5 s", error.Message);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, harness.Primary.Count);
    }

    [Fact]
    public async Task A_network_failure_is_retried_then_reported_as_a_connection_error()
    {
        using var harness = DiscogsHarness.Create(maxRetries: 2);
        harness.Primary.Otherwise = Fail("Name or service not known (api.discogs.test:443)");

        var error = await Assert.ThrowsAsync<DiscogsConnectionException>(() => harness.Time.RunAsync(harness.Api.GetIdentityAsync(default), Step));

        Assert.Equal("Discogs unreachable: Name or service not known (api.discogs.test:443)", error.Message);
        Assert.Equal(3, harness.Primary.Count);
    }

    [Fact]
    public async Task A_caller_that_cancels_during_a_backoff_gets_its_own_cancellation()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Otherwise = Error(HttpStatusCode.ServiceUnavailable, "down");
        using var cancel = new CancellationTokenSource();

        var call = harness.Api.GetIdentityAsync(cancel.Token);
        await Eventually.TrueAsync(() => harness.Primary.Count == 1, "the first try");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, harness.Primary.Count);
    }
}
