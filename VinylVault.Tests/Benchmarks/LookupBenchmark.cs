using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Lookup;
using VinylVault.Core.Sync;
using VinylVault.Tests.Collection;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>"Do I own this?", the local part: p95 of barcode, catalogue-number and text lookups over 10,000 releases.</summary>
[Trait("Category", "Benchmark")]
public sealed class LookupBenchmark(ITestOutputHelper output)
{
    private const int Releases = 10_000;
    private const int Warmup = 30;

    [Fact]
    public async Task Lookups_over_10000_releases_answer_from_the_database_in_milliseconds()
    {
        await using var database = await TestDatabase.StartAsync();
        var infos = Enumerable.Range(1, Releases).Select(i => Records.Basic(
            i, $"Title {i}", $"Artist {i % 1500}", 1960 + (i % 60), label: $"Label {i % 400}", catno: $"CAT-{i:00000}", artistId: 100_000 + (i % 1500))).ToList();
        var pages = new PageWriter(database.Contexts, new SyncCounters(), outboxWatermark: 1);
        await pages.LoadAsync(CancellationToken.None);
        foreach (var chunk in infos.Chunk(100))
        {
            await pages.WriteAsync(Records.Page([.. chunk.Select(info => Records.Item(info.Id * 10, info, folder: 1 + (int)(info.Id % 3)))]), CancellationToken.None);
        }

        var writer = new DetailWriter(database.Contexts, new SyncCounters(), TimeProvider.System);
        foreach (var batch in infos.Chunk(100))
        {
            await writer.WriteAsync([.. batch.Select(info => new DetailResult(info.Id, Records.Details(info, tracks: 8) with
            {
                Identifiers =
                [
                    new DiscogsIdentifier { Type = "Barcode", Value = Upc(info.Id) },
                    new DiscogsIdentifier { Type = "Matrix / Runout", Value = $"CAT-{info.Id:00000}-A", Description = "Side A" },
                ],
            }))], CancellationToken.None);
        }

        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
        }

        var queries = new CollectionQueries(database.Contexts);
        var random = new Random(17);
        foreach (var (kind, make) in new (LookupKind, Func<int, string>)[]
        {
            (LookupKind.Barcode, id => id % 2 == 0 ? Upc(id) : "0" + Upc(id)),
            (LookupKind.Catno, id => $"cat {id:00000}"),
            (LookupKind.Text, id => id % 2 == 0 ? $"Title {id}" : Upc(id)),
        })
        {
            var timings = new List<double>();
            for (var i = 0; i < 220 + Warmup; i++)
            {
                var id = random.Next(1, Releases + 1);
                var watch = Stopwatch.StartNew();
                var owned = await queries.FindOwnedAsync(new LookupQuery(kind, make(id)), CancellationToken.None);
                watch.Stop();
                Assert.Contains(owned, o => o.ReleaseId == id);
                if (i >= Warmup)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            output.WriteLine($"Lookup by {kind.ToString().ToLowerInvariant()} over {Releases:N0} releases: p50 {timings[timings.Count / 2]:0.00} ms, " +
                $"p95 {timings[(int)(timings.Count * 0.95)]:0.00} ms, max {timings[^1]:0.00} ms over {timings.Count} lookups (goal p95 <= 20 ms)");
        }
    }

    // A 12-digit UPC-A with a leading zero, as printed ("0 12345 67890 5" without the spaces).
    private static string Upc(long id) => "0" + (id * 7_919 % 10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + (id % 10);
}
