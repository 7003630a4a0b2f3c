using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Telemetry;
using VinylVault.Tests.Discogs.Support;
using Xunit.Abstractions;

namespace VinylVault.Tests.Discogs;

/// <summary>A measured figure, printed, not asserted: what the limiter adds to a request when the budget is free.</summary>
public sealed class RateLimiterCostTests(ITestOutputHelper output)
{
    private const int Limit = 1000;
    private const int Rounds = 7;

    [Fact]
    public async Task Cost_per_request_when_the_budget_is_free()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new VaultMetrics(services.GetRequiredService<IMeterFactory>());
        var time = new TestTime();
        using var limiter = new DiscogsRateLimiter(Options.Create(new DiscogsOptions { MaxRequestsPerMinute = Limit }), time, metrics);
        using var limited = new HttpMessageInvoker(new DiscogsRateLimitHandler(limiter, time, metrics) { InnerHandler = new Instant() });
        using var bare = new HttpMessageInvoker(new Instant());

        await RoundAsync(limited, time, limiter); // warm-up
        await RoundAsync(bare, time, limiter);
        var with = new List<double>();
        var without = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            with.Add(await RoundAsync(limited, time, limiter));
            without.Add(await RoundAsync(bare, time, limiter));
        }

        var cost = Median(with) - Median(without);
        output.WriteLine($"Rate limiter cost per request, budget free: {cost:0.00} µs (median of {Rounds} rounds of {Limit}: {Median(with):0.00} µs with, {Median(without):0.00} µs without)");
        Assert.Equal(0, limiter.Queued);
    }

    // One round spends the whole budget; every request must go through without waiting (its task already
    // complete when SendAsync returns). Then a window passes on the fake clock and the budget is free again.
    private static async Task<double> RoundAsync(HttpMessageInvoker invoker, TestTime time, DiscogsRateLimiter limiter)
    {
        var uri = new Uri("https://api.discogs.test/oauth/identity");
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Limit; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var sending = invoker.SendAsync(request, CancellationToken.None);
            Assert.True(sending.IsCompletedSuccessfully, "a request waited although the budget was free");
            (await sending).Dispose();
        }

        var perRequest = watch.Elapsed.TotalMicroseconds / Limit;
        time.Advance(limiter.Window);
        Assert.Equal(0, limiter.InUse);
        return perRequest;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Instant : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request });
    }
}
