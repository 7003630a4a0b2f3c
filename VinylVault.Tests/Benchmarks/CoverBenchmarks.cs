using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VinylVault.Tests.Api;
using VinylVault.Tests.Covers;
using VinylVault.Tests.Simulator;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// A simulated Discogs of about 1,000 releases whose image host keeps what it draws, warmed once: the fill benchmarks
/// then measure the cover lane, not the simulator's drawing (a 600-pixel PNG costs tens of milliseconds of CPU).
/// </summary>
public sealed class CoverBenchmarkDiscogs : IAsyncLifetime
{
    // About 1,000 distinct releases (a few copies are of the same release).
    public const int Copies = 1040;

    public SimulatorServer Discogs { get; private set; } = null!;

    /// <summary>The releases whose covers the lane keeps: the collection's and the wants'.</summary>
    public IReadOnlyList<long> WithImages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Discogs = await DiscogsFixture.StartAsync(Copies);
        Discogs.Simulator.Images.KeepDrawn = true;
        WithImages = CoverVault.ReleasesToCache(Discogs);
        using var client = new HttpClient { BaseAddress = new Uri(Discogs.BaseUrl + "/") };
        await Parallel.ForEachAsync(WithImages.SelectMany(id => (string[])[$"images/R-150-{id}-1.png", $"images/R-{id}-1.png"]),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (path, ct) => (await client.GetAsync(path, ct)).EnsureSuccessStatusCode().Dispose());
    }

    public async Task DisposeAsync() => await Discogs.DisposeAsync();
}

/// <summary>
/// The cover cache's figures (docs/performance.md): the time to fill it for 1,000 releases as a ratio to the floor
/// that Images:MaxRequestsPerMinute sets, and its size on disk per 1,000 releases.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class CoverBenchmarks(CoverBenchmarkDiscogs fixture, ITestOutputHelper output) : IClassFixture<CoverBenchmarkDiscogs>
{
    private const int Limit = 60;

    /// <summary>
    /// A sync, then the prefetch of every thumb and cover, with L = 60 image requests per time-scaled window W. The
    /// floor for N requests is floor((N - 1) / L) x W, like the sync's Tmin; T runs from the first image request to
    /// the last. Median of 3 runs, each on a fresh data directory against the same warmed image host.
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    public async Task Filling_the_cover_cache_for_1000_releases_as_a_ratio_to_the_floor(double windowSeconds)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        var runs = new List<(double Ratio, TimeSpan T, TimeSpan Floor, int Requests)>();
        for (var run = 1; run <= 3; run++)
        {
            var images = fixture.Discogs.Simulator.Images;
            fixture.Discogs.Simulator.ResetTraffic();
            var settings = CoverVault.Settings(fixture.Discogs);
            settings["Images:MaxRequestsPerMinute"] = Limit.ToString(CultureInfo.InvariantCulture);
            settings["Images:RateLimitWindowSeconds"] = windowSeconds.ToString(CultureInfo.InvariantCulture);
            await using var app = new VaultApp(settings);
            using var client = app.CreateKeyClient();
            await SyncedVault.SyncThroughRestAsync(app, client);
            var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromMinutes(10));
            Assert.Equal(2 * fixture.WithImages.Count, covers.GetProperty("cached").GetInt32());

            var arrivals = images.Arrivals();
            var floor = window * Math.Floor((arrivals.Count - 1) / (double)Limit);
            var t = arrivals[^1];
            runs.Add((t / floor, t, floor, arrivals.Count));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {arrivals.Count} image requests in {t.TotalSeconds:0.00} s, floor {floor.TotalSeconds:0.00} s, ratio {t / floor:0.000}; " +
                $"peak {images.PeakInWindow(window)} in a window, {images.PeakInFlight} at once, 429s: {images.TooManyRequests}"));
            Assert.InRange(images.PeakInWindow(window), 1, Limit);
        }

        var median = runs.OrderBy(r => r.Ratio).ElementAt(1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fixture.WithImages.Count} releases with images, L = {Limit} per W = {windowSeconds:0.##} s: median ratio {median.Ratio:0.000} (goal <= 1.05), " +
            $"T = {median.T.TotalSeconds:0.00} s vs floor {median.Floor.TotalSeconds:0.00} s; runs {string.Join(", ", runs.Select(r => r.Ratio.ToString("0.000", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>Bytes on disk (file lengths) of every thumb and cover, per 1,000 releases, and by kind.</summary>
    [Fact]
    public async Task Cache_size_per_1000_releases()
    {
        fixture.Discogs.Simulator.ResetTraffic();
        var settings = CoverVault.Settings(fixture.Discogs);
        settings["Images:MaxRequestsPerMinute"] = "10000";
        settings["Images:RateLimitWindowSeconds"] = "1";
        await using var app = new VaultApp(settings);
        using var client = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, client);
        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromMinutes(10));
        Assert.Equal(2 * fixture.WithImages.Count, covers.GetProperty("cached").GetInt32());

        var files = new DirectoryInfo(Path.Combine(app.DataDirectory, "covers")).GetFiles();
        var thumbs = files.Where(f => f.Name.Contains("-thumb.", StringComparison.Ordinal)).Select(f => f.Length).ToList();
        var large = files.Where(f => f.Name.Contains("-cover.", StringComparison.Ordinal)).Select(f => f.Length).ToList();
        var total = thumbs.Sum() + large.Sum();
        Assert.Equal(covers.GetProperty("bytes").GetInt64(), total);
        var perThousand = total * 1000.0 / fixture.WithImages.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fixture.WithImages.Count} releases with images: {files.Length} files, {total / 1e6:0.0} MB; per 1,000 releases {perThousand / 1e6:0.0} MB " +
            $"(thumbs 150 px: median {Median(thumbs) / 1024.0:0.0} KB, covers 600 px: median {Median(large) / 1024.0:0.0} KB; the simulator's PNGs)"));
    }

    private static double Median(List<long> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);
}

/// <summary>Covers served per second from the cache (docs/performance.md).</summary>
[Trait("Category", "Benchmark")]
public sealed class CoverServingBenchmark(ITestOutputHelper output)
{
    /// <summary>
    /// Thumbs from the cache over a real socket: 16 concurrent requests on kept-alive connections of one HttpClient,
    /// each with an API key, for 5 s; the median of 3 such runs. The bootstrap key is checked in memory; a key issued
    /// in Settings is looked up in the database on every request.
    /// </summary>
    [Theory]
    [InlineData("bootstrap")]
    [InlineData("issued")]
    public async Task Thumbs_served_per_second_from_the_cache_with_keep_alive(string keyKind)
    {
        const int Concurrency = 16;
        await using var discogs = await DiscogsFixture.StartAsync(120);
        // As in production: no test log sink keeping every line, the production environment's log levels.
        await using var app = new VaultApp(CoverVault.Settings(discogs), environment: "Production", captureLogs: false);
        using var setup = app.CreateKeyClient();
        await SyncedVault.SyncThroughRestAsync(app, setup);
        var covers = await CoverVault.WaitForCoversAsync(setup, TimeSpan.FromMinutes(2));
        var paths = CoverVault.ReleasesWithImages(discogs).Select(id => $"/covers/{id}/thumb").ToArray();
        Assert.Equal(2 * CoverVault.ReleasesToCache(discogs).Count, covers.GetProperty("cached").GetInt32());

        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { BaseAddress = app.Address };
        var key = keyKind == "bootstrap"
            ? VaultApp.BootstrapKey
            : (await (await setup.PostAsJsonAsync("/api/keys", new { name = "benchmark" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var rates = new List<double>();
        for (var run = 0; run <= 3; run++)
        {
            var served = 0L;
            var bytes = 0L;
            var clock = Stopwatch.StartNew();
            var duration = run == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5); // run 0 warms up
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async worker =>
            {
                for (var i = worker; clock.Elapsed < duration; i += Concurrency)
                {
                    using var response = await client.GetAsync(paths[i % paths.Length]);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Interlocked.Add(ref bytes, (await response.Content.ReadAsByteArrayAsync()).Length);
                    Interlocked.Increment(ref served);
                }
            }));

            if (run > 0)
            {
                rates.Add(served / clock.Elapsed.TotalSeconds);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {served} thumbs ({bytes / 1e6:0.0} MB) in {clock.Elapsed.TotalSeconds:0.00} s: {served / clock.Elapsed.TotalSeconds:0} per second"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"thumbs from the cache, {Concurrency} concurrent keep-alive requests with the {keyKind} API key: median {rates.Order().ElementAt(1):0}/s (goal >= 2,000/s)"));
    }
}
