using VinylVault.Tests.Discogs;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// dotnet test --settings VinylVault.Tests/benchmarks.runsettings --logger "console;verbosity=detailed" --filter RateLimitBenchmark
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class RateLimitBenchmark(ITestOutputHelper output)
{
    [Fact]
    public async Task Fetching_1000_releases_against_the_physical_limit()
    {
        var runs = new List<RateLimitRun.Result>();
        for (var i = 0; i < 3; i++)
        {
            var run = await RateLimitRun.FetchReleasesAsync(requests: 1_000, limit: 60, window: TimeSpan.FromSeconds(6));
            output.WriteLine($"run {i + 1}: {run.Elapsed.TotalSeconds:0.00} s for {run.Requests} requests, T/Tmin = {run.Ratio:0.0000}, 429s = {run.TooManyRequests}, peak = {run.PeakInWindow}/60");
            runs.Add(run);
        }

        var median = runs.OrderBy(r => r.Ratio).ElementAt(1);
        output.WriteLine($"median T/Tmin = {median.Ratio:0.0000} (Tmin = {median.PhysicalLimit.TotalSeconds:0} s, 1,000 releases at 60 per 6 s)");
        Assert.All(runs, r => Assert.Equal(0, r.TooManyRequests));
    }
}
