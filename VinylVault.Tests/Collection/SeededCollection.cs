using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Collection;

/// <summary>A small collection with the awkward cases (accents, an unknown year, two copies of one release), written by the sync's own writers.</summary>
public sealed class SeededCollection : IAsyncLifetime
{
    public static readonly BasicInformation Sodermalm = Records.Basic(1, "Södermalm", "Kruder", 1996, label: "G-Stone", catno: "G-STONE 005", secondArtist: "Dorfmeister");
    public static readonly BasicInformation BlueTrain = Records.Basic(2, "Blue Train", "John Coltrane", 1957, "Jazz", "Hard Bop", label: "Blue Note", catno: "BLP 1577");
    public static readonly BasicInformation Tape = Records.Basic(3, "Unknown Year Tape", "Anonymous", 0, "Rock", "Punk", "Cassette", ["Album"], "DIY", "none");
    public static readonly BasicInformation Asa = Records.Basic(4, "Åsa's Song", "Ébène Quartet", 2012, "Classical", "Romantic", "CD", ["Album"], "Erato", "ERA 9");
    public static readonly BasicInformation AroundTheWorld = Records.Basic(5, "Around the World", "Daft Punk", 1997, "Electronic", "House", "Vinyl", ["12\"", "Single"], "Virgin", "VSCDT 1625");

    private TestDatabase? _database;

    public TestDatabase Database => _database!;
    public CollectionQueries Queries => Database.Services.GetRequiredService<CollectionQueries>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        var contexts = _database.Contexts;
        var counters = new SyncCounters();
        await PageWriter.WriteFoldersAsync(contexts,
            [new DiscogsFolder(0, "All", 6), new DiscogsFolder(1, "Uncategorized", 5), new DiscogsFolder(2, "Jazz shelf", 1)],
            [new CollectionField { Id = 1, Name = "Media Condition", Type = "dropdown", Position = 1 }, new CollectionField { Id = 3, Name = "Notes", Type = "textarea", Position = 3 }],
            outboxWatermark: 1, CancellationToken.None);
        var pages = new PageWriter(contexts, counters, outboxWatermark: 1);
        await pages.LoadAsync(CancellationToken.None);
        await pages.WriteAsync(Records.Page(
            Records.Item(11, Sodermalm, rating: 5, notes: [new CollectionNote(1, "Near Mint (NM or M-)"), new CollectionNote(3, "Signed")]),
            Records.Item(21, BlueTrain, rating: 4),
            Records.Item(22, BlueTrain, folder: 2, rating: 3),
            Records.Item(31, Tape),
            Records.Item(41, Asa, rating: 4),
            Records.Item(51, AroundTheWorld, rating: 5)), CancellationToken.None);
        var details = new DetailWriter(contexts, counters, new FakeTimeProvider(new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero)));
        await details.WriteAsync([new DetailResult(1, Records.Details(Sodermalm, tracks: 6)), new DetailResult(2, Records.Details(BlueTrain, tracks: 5))], CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
