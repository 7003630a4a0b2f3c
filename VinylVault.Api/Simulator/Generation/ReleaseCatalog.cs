using System.Collections.Concurrent;

namespace VinylVault.Api.Simulator.Generation;

/// <summary>What a page sort or a search needs of a release, cached because rebuilding it for each page is wasteful.</summary>
internal sealed record ReleaseCard(long Id, string Artist, string Title, int Year, string Label, string Catno, string Format, string SearchText);

/// <summary>
/// The generated "Discogs database": releases 0..Count-1 of one seed. The collection, the wantlist and the search
/// results all point into it. Releases are built on demand; only the small sort/search cards are kept.
/// </summary>
internal sealed class ReleaseCatalog
{
    private readonly ReleaseGenerator _generator;
    private readonly ConcurrentDictionary<int, ReleaseCard> _cards = new();
    private int _count;

    public ReleaseCatalog(int seed, int count)
    {
        Seed = seed;
        _count = count;
        Artists = new ArtistPool(seed, Math.Max(40, count / 3));
        _generator = new ReleaseGenerator(seed, Artists);
    }

    public int Seed { get; }

    public ArtistPool Artists { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Makes room for releases that "appear" on Discogs after start (items added by a test).</summary>
    public int Grow(int more) => Interlocked.Add(ref _count, more) - more;

    public long IdOf(int index) => _generator.IdOf(index);

    public GeneratedRelease Get(int index) => _generator.Generate(index);

    public bool TryGet(long releaseId, out GeneratedRelease release)
    {
        release = null!;
        if (!_generator.TryGetIndex(releaseId, out var index) || index >= Count)
        {
            return false;
        }

        release = _generator.Generate(index);
        return true;
    }

    public bool TryGetIndex(long releaseId, out int index) => _generator.TryGetIndex(releaseId, out index) && index < Count;

    public ReleaseCard Card(int index) => _cards.GetOrAdd(index, static (i, self) => self.BuildCard(i), this);

    private ReleaseCard BuildCard(int index)
    {
        var r = _generator.Generate(index);
        var label = r.Labels is [var first, ..] ? first : null;
        var format = string.Join(", ", r.Formats.Select(f => f.Name));
        var search = string.Join(' ', [r.ArtistLine, r.Title, label?.Name, label?.Catno, .. r.Genres, .. r.Styles ?? []]);
        return new ReleaseCard(r.Id, r.ArtistLine, r.Title, r.Year, label?.Name ?? "", label?.Catno ?? "", format, search);
    }
}
