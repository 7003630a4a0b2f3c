using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Discogs;

/// <summary>
/// Fetches releases through the app's real client stack (AddDiscogs: retries, limiter, auth, Refit) from the
/// simulator on a real socket, both set to L requests per W, and measures the run against the physical limit:
/// under a moving window the R-th request cannot arrive before Tmin = floor((R - 1) / L) x W after the first.
/// </summary>
internal static class RateLimitRun
{
    public sealed record Result(int Requests, int TooManyRequests, int PeakInWindow, TimeSpan Elapsed, TimeSpan PhysicalLimit)
    {
        public double Ratio => Elapsed / PhysicalLimit;
    }

    public static async Task<Result> FetchReleasesAsync(int requests, int limit, TimeSpan window, int callers = 8)
    {
        await using var server = await SimulatorServer.StartAsync(o =>
        {
            o.CollectionSize = requests;
            o.RateLimit = limit;
            o.RateLimitWindowSeconds = window.TotalSeconds;
        });

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discogs:BaseUrl"] = server.BaseUrl,
            ["Discogs:Username"] = server.Username,
            ["Discogs:Token"] = server.Token,
            ["Discogs:MaxRequestsPerMinute"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discogs:RateLimitWindowSeconds"] = window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddDiscogs();
        using var host = builder.Build();

        var ids = server.Simulator.CatalogReleaseIds.Take(requests).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            using var scope = host.Services.CreateScope();
            var api = scope.ServiceProvider.GetRequiredService<IDiscogsApi>();
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
            {
                await api.GetReleaseAsync(ids[i], null, CancellationToken.None);
            }
        }));

        var counters = server.Simulator.Counters;
        var arrivals = counters.AcceptedArrivals();
        return new Result(
            counters.TotalRequests,
            counters.TooManyRequests,
            counters.PeakInWindow(),
            arrivals[^1],
            window * ((requests - 1) / limit));
    }
}
