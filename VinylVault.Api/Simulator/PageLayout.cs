using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>
/// Where each page of a listing starts. Normally every page but the last holds per_page items; with short pages on,
/// some hold fewer (as Discogs' sometimes do) and the listing simply has more pages: walking 1..pages still yields
/// every item once, while a client that computes offsets from per_page skips some.
/// </summary>
internal sealed class PageLayout
{
    private readonly int _items;
    private readonly int _perPage;
    private readonly double _shortRate;
    private readonly int _seed;

    public PageLayout(int items, int perPage, double shortRate, int seed)
    {
        (_items, _perPage, _shortRate, _seed) = (items, perPage, shortRate, seed);
        var (pages, covered) = (0, 0);
        while (covered < items)
        {
            covered += Size(++pages);
        }

        Pages = Math.Max(1, pages);
    }

    public int Pages { get; }

    public (int Offset, int Count) Slice(int page)
    {
        var offset = 0;
        for (var p = 1; p < page && offset < _items; p++)
        {
            offset += Size(p);
        }

        offset = Math.Min(offset, _items);
        return (offset, Math.Min(Size(page), _items - offset));
    }

    private int Size(int page)
    {
        if (_shortRate <= 0 || _perPage < 2)
        {
            return _perPage;
        }

        var rng = SeededRandom.For(_seed, page, salt: 29);
        return rng.NextDouble() < _shortRate ? _perPage - 1 - rng.Next(Math.Max(1, _perPage / 4)) : _perPage;
    }
}
