namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// The artists of one generated world. Releases draw from a fixed pool, so artists recur across a collection as they
/// do on a real shelf; a name that comes up twice gets Discogs' " (2)" disambiguation.
/// </summary>
internal sealed class ArtistPool
{
    public static readonly GeneratedArtist Various = new(194, "Various");

    private readonly GeneratedArtist[] _artists;

    public ArtistPool(int seed, int size)
    {
        _artists = new GeneratedArtist[size];
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < size; k++)
        {
            var rng = SeededRandom.For(seed, k, salt: 11);
            var name = NewName(ref rng);
            if (seen.TryGetValue(name, out var count))
            {
                seen[name] = count + 1;
                name = $"{name} ({count + 1})";
            }
            else
            {
                seen[name] = 1;
                // Discogs disambiguates against its whole database, not just this shelf.
                if (rng.Chance(0.12))
                {
                    name = $"{name} ({rng.Between(2, 9)})";
                }
            }

            _artists[k] = new GeneratedArtist(200 + (k * 131L) + rng.Next(131), name);
        }
    }

    public IReadOnlyList<GeneratedArtist> All => _artists;

    /// <summary>A skewed pick: a few artists own many releases, most own one or two.</summary>
    public GeneratedArtist Pick(ref SeededRandom rng)
    {
        var u = rng.NextDouble();
        return _artists[(int)(u * u * _artists.Length)];
    }

    private static string NewName(ref SeededRandom rng)
    {
        var kind = rng.Next(100);
        if (kind < 50)
        {
            return $"{rng.Pick(Vocabulary.FirstNames)} {rng.Pick(Vocabulary.LastNames)}";
        }

        if (kind < 78)
        {
            var band = $"{rng.Pick(Vocabulary.BandWords)} {rng.Pick(Vocabulary.BandNouns)}";
            return rng.Chance(0.4) ? $"{band}, The" : band;
        }

        if (kind < 88)
        {
            return rng.Pick(Vocabulary.SpecialArtists);
        }

        return rng.Chance(0.5) ? $"DJ {rng.Pick(Vocabulary.BandWords)}" : $"{rng.Pick(Vocabulary.LastNames)} {rng.Pick(Vocabulary.BandNouns)}";
    }
}
