using System.Globalization;

namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// Builds release number <c>index</c> of a seeded world on demand, from nothing but (seed, index): nothing is stored,
/// so a collection of 10,000 costs no memory until asked for, and the same seed always gives the same release.
/// </summary>
internal sealed class ReleaseGenerator(int seed, ArtistPool artists)
{
    // Release ids look like Discogs' (sparse, up to millions) and still map back to an index without a table.
    private const long IdBase = 10_000;
    private const long IdStride = 997;

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;

    public long IdOf(int index) => IdBase + (index * IdStride) + SeededRandom.For(seed, index, salt: 3).Next((int)IdStride);

    public bool TryGetIndex(long releaseId, out int index)
    {
        index = -1;
        if (releaseId < IdBase || (releaseId - IdBase) / IdStride > int.MaxValue)
        {
            return false;
        }

        var candidate = (int)((releaseId - IdBase) / IdStride);
        if (IdOf(candidate) != releaseId)
        {
            return false;
        }

        index = candidate;
        return true;
    }

    public GeneratedRelease Generate(int index)
    {
        var rng = SeededRandom.For(seed, index, salt: 5);
        var genreCount = rng.Chance(0.25) ? 2 : 1;
        var genres = rng.PickDistinct(Vocabulary.Genres, genreCount);
        var styles = genres.SelectMany(g => rng.PickDistinct(g.Styles, rng.Between(1, 3))).Distinct().ToArray();
        var formats = FormatGenerator.Pick(ref rng);
        var releaseArtists = PickArtists(ref rng);
        var year = rng.Chance(0.04) ? 0 : 1955 + (int)(Math.Sqrt(rng.NextDouble()) * 70);
        var (released, country) = (Released(ref rng, year), rng.Pick(Vocabulary.Countries));
        var have = (int)(Math.Pow(rng.NextDouble(), 3) * 8000) + 1;
        var ratingCount = rng.Chance(0.03) ? 0 : 1 + (have / rng.Between(3, 12));
        var forSale = rng.Chance(0.2) ? 0 : rng.Between(1, 80);

        return new GeneratedRelease
        {
            Index = index,
            Id = IdOf(index),
            MasterId = rng.Chance(0.3) ? 0 : 1_000 + (index * 211L) + rng.Next(211),
            Title = Title(ref rng),
            Year = year,
            Released = released,
            Country = country,
            Artists = releaseArtists,
            ExtraArtists = [.. Enumerable.Range(0, rng.Next(4)).Select(_ => artists.Pick(ref rng) with { Role = rng.Pick(Vocabulary.Roles) })],
            Labels = rng.Chance(0.01) ? null : Labels(ref rng),
            Formats = formats,
            Genres = rng.Chance(0.01) ? [] : [.. genres.Select(g => g.Genre)],
            Styles = rng.Chance(0.08) ? null : styles,
            Tracklist = TracklistGenerator.Build(ref rng, formats, artists, compilation: releaseArtists[0].Id == ArtistPool.Various.Id),
            Notes = rng.Chance(0.4) ? null : rng.Pick(Vocabulary.ReleaseNotes),
            ImageCount = rng.Chance(0.03) ? 0 : rng.Between(1, 3),
            Have = have,
            Want = (int)(have * rng.NextDouble() * 1.5),
            RatingCount = ratingCount,
            RatingAverage = ratingCount == 0 ? 0 : Math.Round(2.5m + (decimal)(rng.NextDouble() * 2.49), 2),
            NumForSale = forSale,
            LowestPrice = forSale == 0 ? null : Math.Round(0.99m + (decimal)(Math.Pow(rng.NextDouble(), 2) * 120), 2),
            DataQuality = rng.Pick(["Correct", "Correct", "Needs Vote", "Complete and Correct"]),
        };
    }

    /// <summary>"13 Jul 1999", "Mar 1999" or "1999", as Discogs formats <c>released</c>.</summary>
    public static string? ReleasedFormatted(string? released) => released?.Split('-') switch
    {
        [var y, var m, "00"] => $"{Months[int.Parse(m, CultureInfo.InvariantCulture) - 1]} {y}",
        [var y, var m, var d] => $"{int.Parse(d, CultureInfo.InvariantCulture)} {Months[int.Parse(m, CultureInfo.InvariantCulture) - 1]} {y}",
        [var y] => y,
        _ => null,
    };

    private GeneratedArtist[] PickArtists(ref SeededRandom rng)
    {
        if (rng.Chance(0.05))
        {
            return [ArtistPool.Various];
        }

        var count = rng.Chance(0.15) ? rng.Between(2, 4) : 1;
        var picked = new List<GeneratedArtist>(count);
        for (var i = 0; i < count; i++)
        {
            var artist = artists.Pick(ref rng);
            if (picked.Exists(a => a.Id == artist.Id))
            {
                continue;
            }

            // The name variation (anv) Discogs keeps when a sleeve credits an artist differently.
            var anv = rng.Chance(0.1) ? artist.Name.Split(' ')[0] + "." : "";
            picked.Add(artist with { Anv = anv });
        }

        for (var i = 0; i < picked.Count - 1; i++)
        {
            picked[i] = picked[i] with { Join = rng.Pick(Vocabulary.Joins) };
        }

        return [.. picked];
    }

    private static string Title(ref SeededRandom rng) => string.Format(
        CultureInfo.InvariantCulture,
        rng.Pick(Vocabulary.TitlePatterns),
        rng.Pick(Vocabulary.TitleWords),
        rng.Pick(Vocabulary.TitleWords),
        rng.Between(1, 4));

    private static string? Released(ref SeededRandom rng, int year)
    {
        if (year == 0)
        {
            return null;
        }

        var (month, day) = (rng.Between(1, 12), rng.Between(1, 28));
        return rng.Next(10) switch
        {
            < 4 => $"{year}-{month:00}-{day:00}",
            < 7 => $"{year}-{month:00}-00",
            _ => $"{year}",
        };
    }

    private static GeneratedLabel[] Labels(ref SeededRandom rng)
    {
        var labels = new List<GeneratedLabel>();
        foreach (var name in rng.PickDistinct(Vocabulary.Labels, rng.Chance(0.1) ? 2 : 1))
        {
            var id = 1_000L + (Array.IndexOf(Vocabulary.Labels, name) * 7_919L);
            labels.Add(new GeneratedLabel(id, name, Catno(ref rng, name)));
        }

        return [.. labels];
    }

    private static string Catno(ref SeededRandom rng, string label)
    {
        if (label == "Not On Label")
        {
            return "none";
        }

        var prefix = new string([.. label.Where(char.IsLetterOrDigit).Take(rng.Between(2, 4)).Select(char.ToUpperInvariant)]);
        var number = rng.Between(1, 999);
        return rng.Next(4) switch
        {
            0 => $"{prefix}{number:000}",
            1 => $"{prefix} {number}",
            2 => $"{prefix}-{number:0000}LP",
            _ => $"{prefix}{number:000}CD",
        };
    }
}
