using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Exports;
using VinylVault.Tests.Backups;
using Xunit.Abstractions;

namespace VinylVault.Tests.Benchmarks;

/// <summary>Exports of 50,000 copies stream: the managed heap's peak while exporting stays near what it was at idle.</summary>
[Trait("Category", "Benchmark")]
public sealed class ExportBenchmarks(ITestOutputHelper output)
{
    private const int Copies = 50_000;

    [Fact]
    public async Task Exporting_50000_copies_keeps_memory_flat()
    {
        await using var host = await BackupHost.StartAsync();
        await SeedAsync(host);
        var csv = new CollectionCsvExport(host.Contexts);
        var json = new CollectionJsonExport(host.Contexts, TimeProvider.System);
        await csv.WriteAsync(Stream.Null, CancellationToken.None); // warm-up: JIT and the query plan

        var csvPeaks = new List<double>();
        var jsonPeaks = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            csvPeaks.Add(await PeakOverIdleAsync("CSV", stream => csv.WriteAsync(stream, CancellationToken.None)));
            jsonPeaks.Add(await PeakOverIdleAsync("JSON", stream => json.WriteAsync(stream, CancellationToken.None)));
        }

        output.WriteLine($"CSV export of {Copies:N0} copies: managed heap peak over idle, median of 3: {Median(csvPeaks):0.0} MB ({string.Join(", ", csvPeaks.Select(p => p.ToString("0.0")))})");
        output.WriteLine($"JSON export of {Copies:N0} releases: managed heap peak over idle, median of 3: {Median(jsonPeaks):0.0} MB ({string.Join(", ", jsonPeaks.Select(p => p.ToString("0.0")))})");
        Assert.True(Median(csvPeaks) < 30, $"CSV export peak {Median(csvPeaks):0.0} MB over idle");
        Assert.True(Median(jsonPeaks) < 30, $"JSON export peak {Median(jsonPeaks):0.0} MB over idle");
    }

    private async Task<double> PeakOverIdleAsync(string what, Func<Stream, Task> export)
    {
        var idle = GC.GetTotalMemory(forceFullCollection: true);
        var counting = new CountingStream();
        using var sampler = new PeakMemorySampler();
        var clock = Stopwatch.StartNew();
        await export(counting);
        var peak = sampler.Stop();
        var over = (peak - idle) / 1024.0 / 1024.0;
        output.WriteLine($"{what}: {counting.Length / 1024.0 / 1024.0:0.0} MB written in {clock.Elapsed.TotalSeconds:0.00} s; heap idle {idle / 1024.0 / 1024.0:0.0} MB, peak +{over:0.0} MB");
        return over;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task SeedAsync(BackupHost host)
    {
        await using var db = await host.Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Folders (Id, Name, Count) VALUES (1, 'Uncategorized', 50000);
            INSERT INTO CustomFields (Id, Name, Type, Position) VALUES (1, 'Media Condition', 'dropdown', 1), (3, 'Notes', 'textarea', 3);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Labels (Id, Name) SELECT i, 'Label ' || i FROM n WHERE i <= 500;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO Releases (Id, Title, ArtistDisplay, ArtistSort, TitleSort, SearchText, BasicHash, HasDetails, DetailsNotFound, Year)
            SELECT i, 'Title ' || i || ', "quoted"', 'Artist ' || (i % 3000), 'artist', 'title', '', 0, 1, 0, 1960 + i % 60 FROM n;
            INSERT INTO ReleaseLabels (ReleaseId, Sequence, LabelId, Catno) SELECT Id, 0, 1 + Id % 500, 'CAT-' || Id FROM Releases;
            INSERT INTO ReleaseFormats (ReleaseId, Sequence, Name, Qty, Text, Descriptions) SELECT Id, 0, 'Vinyl', 1 + Id % 2, NULL, '["LP","Album"]' FROM Releases;
            INSERT INTO Tracks (ReleaseId, Sequence, Position, Title, Duration, Type) SELECT Id, 0, 'A1', 'Track one', '4:20', 'track' FROM Releases;
            INSERT INTO Tracks (ReleaseId, Sequence, Position, Title, Duration, Type) SELECT Id, 1, 'B1', 'Track two', '5:10', 'track' FROM Releases;
            INSERT INTO CollectionInstances (InstanceId, ReleaseId, FolderId, Rating, DateAdded) SELECT Id * 10, Id, 1, Id % 6, '2020-01-01 10:00:00' FROM Releases;
            INSERT INTO InstanceNotes (InstanceId, FieldId, Value) SELECT InstanceId, 1, 'Near Mint (NM or M-)' FROM CollectionInstances;
            INSERT INTO InstanceNotes (InstanceId, FieldId, Value) SELECT InstanceId, 3, 'Signed, with a note
            on two lines' FROM CollectionInstances;
            """);
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
