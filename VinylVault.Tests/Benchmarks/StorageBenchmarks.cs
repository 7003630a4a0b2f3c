using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Tests.Collection;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>
/// Database figures for the README's Performance section: write throughput of 10,000 releases with full details,
/// peak managed memory during that write, and p95 of a filtered sorted page query over them.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class StorageBenchmarks(ITestOutputHelper output)
{
    private const int Releases = 10_000;

    [Fact]
    public async Task Write_10000_releases_with_full_details_then_query_filtered_sorted_pages()
    {
        await using var database = await TestDatabase.StartAsync();
        var infos = Enumerable.Range(1, Releases).Select(Generate).ToList();
        var details = infos.Select(info => Records.Details(info, tracks: 10)).ToList();
        var counters = new SyncCounters();

        var pages = new PageWriter(database.Contexts, counters);
        await pages.LoadAsync(CancellationToken.None);
        var pageClock = Stopwatch.StartNew();
        foreach (var chunk in infos.Chunk(100))
        {
            await pages.WriteAsync(Records.Page([.. chunk.Select(info => Records.Item(info.Id * 10, info, folder: 1 + (int)(info.Id % 3), rating: (int)(info.Id % 6)))]), CancellationToken.None);
        }

        pageClock.Stop();

        var writer = new DetailWriter(database.Contexts, counters, TimeProvider.System);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        foreach (var batch in details.Chunk(100))
        {
            await writer.WriteAsync([.. batch.Select(r => new DetailResult(r.Id, r))], CancellationToken.None);
        }

        clock.Stop();
        var peak = sampler.Stop();
        output.WriteLine($"Page writer: {Releases:N0} items (basic information) in {pageClock.Elapsed.TotalSeconds:0.00} s = {Releases / pageClock.Elapsed.TotalSeconds:N0} items/s");
        output.WriteLine($"Detail writer: {Releases:N0} releases with full details (10 tracks, 2 images, artists, labels, formats, genres, styles) in batches of 100: " +
            $"{clock.Elapsed.TotalSeconds:0.00} s = {Releases / clock.Elapsed.TotalSeconds:N0} releases/s (goal >= 5,000/s)");
        output.WriteLine($"Managed memory during the detail write: peak {peak / 1024.0 / 1024.0:0.0} MB, of which {baseline / 1024.0 / 1024.0:0.0} MB " +
            $"was there before it (mostly the 10,000 generated releases the test holds); GC heap sampled every 5 ms");

        // As a finished sync run does: refresh the planner's statistics.
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
        }

        var queries = new CollectionQueries(database.Contexts);
        var timings = new List<double>();
        string[] genres = ["Electronic", "Jazz", "Rock", "Funk / Soul", "Classical"];
        for (var i = 0; i < 220; i++)
        {
            var query = new CollectionQuery
            {
                Genre = genres[i % genres.Length],
                YearFrom = 1970 + i % 10,
                YearTo = 2010,
                Q = i % 4 == 0 ? "the" : null,
                Sort = (CollectionSort)(i % 4),
                Order = i % 2 == 0 ? SortOrder.Asc : SortOrder.Desc,
                Page = 1 + i % 3,
                PageSize = 50,
            };
            var watch = Stopwatch.StartNew();
            var page = await queries.GetPageAsync(query, CancellationToken.None);
            watch.Stop();
            Assert.True(page.Total > 0, $"no match for {query}");
            if (i >= 20)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds); // the first 20 warm the JIT and the page cache
            }
        }

        timings.Sort();
        await GroupCommitAsync(database, details);
        output.WriteLine($"Filtered, sorted page of 50 over {Releases:N0} releases: p50 {timings[timings.Count / 2]:0.00} ms, " +
            $"p95 {timings[(int)(timings.Count * 0.95)]:0.00} ms, max {timings[^1]:0.00} ms over {timings.Count} queries (goal p95 <= 20 ms)");
        Assert.Equal(Releases, counters.Fetched);
    }

    /// <summary>
    /// The detail writer as a sync drives it: 4 fetchers as fast as they can, each waiting for its answer to be
    /// committed before the next, so group commits stay small (the worst case; at Discogs' rate every commit holds one).
    /// </summary>
    private async Task GroupCommitAsync(TestDatabase database, List<DiscogsRelease> details)
    {
        const int fetchers = 4;
        var sample = details.Take(2_000).ToList();
        var counters = new SyncCounters();
        var writer = new DetailWriter(database.Contexts, counters, TimeProvider.System);
        var results = System.Threading.Channels.Channel.CreateBounded<DetailResult>(100);
        var clock = Stopwatch.StartNew();
        var writing = writer.RunAsync(results.Reader, 100, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, fetchers).Select(f => Task.Run(async () =>
        {
            for (var i = f; i < sample.Count; i += fetchers)
            {
                var result = new DetailResult(sample[i].Id, sample[i], new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                await results.Writer.WriteAsync(result);
                await result.Committed!.Task;
            }
        })));
        results.Writer.Complete();
        await writing;
        clock.Stop();
        output.WriteLine($"Detail writer, group commit with {fetchers} fetchers each waiting for its commit: {sample.Count:N0} releases in " +
            $"{clock.Elapsed.TotalSeconds:0.00} s = {sample.Count / clock.Elapsed.TotalSeconds:N0} releases/s");
        Assert.Equal(sample.Count, counters.Fetched);
    }

    private static readonly string[] Words = ["Midnight", "Blue", "Södermalm", "The", "Echoes", "River", "Café", "Night", "Train", "Sun", "Velvet", "Dub"];
    private static readonly string[] GenreNames = ["Electronic", "Jazz", "Rock", "Funk / Soul", "Classical", "Hip Hop", "Reggae"];

    private static BasicInformation Generate(int i) => Records.Basic(
        i, $"{Words[i % Words.Length]} {Words[i * 7 % Words.Length]} {i}", $"Artist {i % 1500}", 1960 + i % 60,
        GenreNames[i % GenreNames.Length], $"Style {i % 40}", i % 5 == 0 ? "CD" : "Vinyl", i % 3 == 0 ? ["LP", "Album"] : ["12\"", "33 ⅓ RPM"],
        $"Label {i % 400}", $"CAT-{i:00000}", artistId: 100_000 + i % 1500);
}

/// <summary>Samples the GC heap size on a background thread, keeping the peak.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakMemorySampler()
    {
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5);
            }
        });
    }

    public long Stop()
    {
        _stop.Cancel();
        _sampling.Wait();
        return Math.Max(_peak, GC.GetTotalMemory(false));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
