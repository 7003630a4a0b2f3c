using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Api.Simulator;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>Each fault switch changes what a client sees, and switches back off.</summary>
public sealed class SimulatorFaultTests
{
    private static Task<SimulatorServer> StartAsync(TimeProvider? time = null) =>
        SimulatorServer.StartAsync(o => (o.CollectionSize, o.RateLimit) = (20, 10_000), time);

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, int count, string path = "oauth/identity")
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Server_error_rate_gives_seeded_5xx_json_answers_at_about_that_rate()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.ServerErrorRate = 0.3;

        var first = await StatusesAsync(client, 60);
        server.Simulator.Faults.Reset();
        server.Simulator.Faults.ServerErrorRate = 0.3;
        var again = await StatusesAsync(client, 60);

        Assert.Equal(first, again); // same seed, same faults
        var errors = first.Where(s => s != HttpStatusCode.OK).ToList();
        Assert.InRange(errors.Count, 9, 30);
        Assert.All(errors, s => Assert.InRange((int)s, 500, 504));
        Assert.True(errors.Distinct().Count() > 1);
        server.Simulator.Faults.ServerErrorRate = 1;
        using var failed = await client.GetAsync("oauth/identity");
        Assert.False(string.IsNullOrEmpty(await failed.MessageAsync()));
    }

    [Fact]
    public async Task Permanent_server_error_answers_500_until_switched_off()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        server.Simulator.Faults.PermanentServerError = true;
        var during = await StatusesAsync(client, 5);
        server.Simulator.Faults.PermanentServerError = false;
        var after = await StatusesAsync(client, 1);

        Assert.All(during, s => Assert.Equal(HttpStatusCode.InternalServerError, s));
        Assert.Equal([HttpStatusCode.OK], after);
    }

    [Fact]
    public async Task Fail_next_scripts_the_answers_503_503_then_200()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        server.Simulator.Faults.FailNext(2, HttpStatusCode.ServiceUnavailable);
        server.Simulator.Faults.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2));
        var statuses = await StatusesAsync(client, 2);
        using var throttled = await client.GetAsync("oauth/identity");
        using var ok = await client.GetAsync("oauth/identity");

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Html_error_pages_come_as_an_nginx_502_that_is_not_json()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.HtmlErrorRate = 1;

        using var response = await client.GetAsync("oauth/identity");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", body, StringComparison.Ordinal);
        Assert.Contains("<h1>502 Bad Gateway</h1>", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DiscogsIdentity>(body, DiscogsJson.Options));
    }

    [Fact]
    public async Task Malformed_json_is_a_200_whose_body_does_not_parse()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.MalformedJsonRate = 1;

        using var response = await client.GetAsync("users/demo/collection/folders/0/releases");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{\"pagination\"", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<CollectionPage>(body, DiscogsJson.Options));
    }

    [Fact]
    public async Task Latency_slows_every_answer_down()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(250);

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), $"{watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_timeout_hangs_past_the_client_timeout_and_is_counted_when_the_client_gives_up()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(timeout: TimeSpan.FromMilliseconds(300));
        server.Simulator.Faults.TimeoutRate = 1;

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.GetAsync("oauth/identity"));

        // The server learns of the abort a moment after the client gives up.
        Assert.True(SpinWait.SpinUntil(() => server.Simulator.Counters.Requests("identity", 499) == 1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stopping_the_server_ends_a_hanging_request()
    {
        var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.TimeoutRate = 1;
        var hanging = client.GetAsync("oauth/identity");
        Assert.True(SpinWait.SpinUntil(() => server.Simulator.Counters.TotalRequests == 1, TimeSpan.FromSeconds(5)));

        var watch = Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed.TotalSeconds:F1} s");
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hanging);
    }

    [Fact]
    public async Task A_short_hang_ends_in_a_504()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        server.Simulator.Faults.HangDuration = TimeSpan.FromMilliseconds(100);
        server.Simulator.Faults.FailNext(1, SimulatedFault.Timeout);

        using var response = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task A_429_storm_refuses_everything_with_retry_after_until_it_passes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(time);
        using var client = server.CreateClient();

        server.Simulator.Faults.RateLimitStorm(TimeSpan.FromSeconds(30), retryAfter: TimeSpan.FromSeconds(5));
        using var during = await client.GetAsync("users/demo/collection/folders");
        time.Advance(TimeSpan.FromSeconds(29));
        using var late = await client.GetAsync("oauth/identity");
        time.Advance(TimeSpan.FromSeconds(1));
        using var after = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), during.Headers.RetryAfter?.Delta);
        Assert.Equal("You are making requests too quickly.", await during.MessageAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, server.Simulator.Counters.TooManyRequests);
    }

    [Fact]
    public async Task A_storm_without_retry_after_sends_no_header()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        server.Simulator.Faults.RateLimitStorm(TimeSpan.FromMinutes(1));
        using var response = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Hidden_releases_are_404_while_others_still_answer()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var ids = server.Simulator.Collection.ReleaseIds;

        server.Simulator.Faults.HideReleases(ids[0]);
        using var hidden = await client.GetAsync($"releases/{ids[0]}");
        using var other = await client.GetAsync($"releases/{ids[1]}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("Release not found.", await hidden.MessageAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Reset_switches_every_fault_off()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var faults = server.Simulator.Faults;
        (faults.ServerErrorRate, faults.HtmlErrorRate, faults.MalformedJsonRate, faults.PermanentServerError) = (1, 1, 1, true);
        faults.RateLimitStorm(TimeSpan.FromMinutes(5));
        faults.FailNext(3);

        faults.Reset();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await StatusesAsync(client, 2));
    }
}
