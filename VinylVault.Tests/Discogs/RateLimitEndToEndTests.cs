using VinylVault.Core.Discogs;
using Xunit.Abstractions;

namespace VinylVault.Tests.Discogs;

/// <summary>The limiter against the simulator's moving window, on a real socket, time-scaled by 10 (60 per 6 s).</summary>
public sealed class RateLimitEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_releases_go_at_the_physical_limit_without_a_single_429()
    {
        var run = await RateLimitRun.FetchReleasesAsync(requests: 1_000, limit: 60, window: TimeSpan.FromSeconds(6));

        output.WriteLine($"{run.Requests} requests in {run.Elapsed.TotalSeconds:0.00} s; physical limit {run.PhysicalLimit.TotalSeconds:0} s; ratio {run.Ratio:0.000}; peak {run.PeakInWindow} in a window");
        Assert.Equal(0, run.TooManyRequests);
        Assert.Equal(1_000, run.Requests);
        Assert.True(run.PeakInWindow <= 60, $"peak {run.PeakInWindow} requests in one window");
        // A limiter without the idle client's full first burst would take a whole extra window (ratio 1.0625).
        Assert.InRange(run.Ratio, 1.0, 1.05);
    }
}
