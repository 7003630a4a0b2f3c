namespace VinylVault.Api.Simulator.Generation;

/// <summary>Tracklists with Discogs' positions (A1, B2, 1-3), durations (some missing) and the odd heading row.</summary>
internal static class TracklistGenerator
{
    public static GeneratedTrack[] Build(ref SeededRandom rng, GeneratedFormat[] formats, ArtistPool pool, bool compilation)
    {
        var (sided, parts) = FormatGenerator.Layout(formats);
        var single = formats[0].Descriptions.Contains("Single");
        var withHeadings = rng.Chance(0.1);
        var withoutDurations = rng.Chance(0.1);
        var tracks = new List<GeneratedTrack>();

        for (var part = 0; part < parts; part++)
        {
            if (withHeadings && part < Vocabulary.Headings.Length)
            {
                tracks.Add(new GeneratedTrack("", "heading", Vocabulary.Headings[part], "", null, null));
            }

            var perPart = single ? rng.Between(1, 2) : sided ? rng.Between(2, 5) : rng.Between(8, 14);
            for (var n = 1; n <= perPart; n++)
            {
                var position = sided
                    ? (single && perPart == 1 ? $"{(char)('A' + part)}" : $"{(char)('A' + part)}{n}")
                    : parts > 1 ? $"{part + 1}-{n}" : $"{n}";
                var duration = withoutDurations ? "" : $"{rng.Between(1, 9)}:{rng.Next(60):00}";
                var title = rng.Chance(0.5) ? rng.Pick(Vocabulary.TitleWords) : $"{rng.Pick(Vocabulary.TitleWords)} {rng.Pick(Vocabulary.TitleWords)}";
                if (rng.Chance(0.08))
                {
                    title += " (Extended Mix)";
                }

                // A compilation credits each track; elsewhere the odd track carries a remixer.
                GeneratedArtist[]? trackArtists = compilation ? [pool.Pick(ref rng)] : null;
                GeneratedArtist[]? remixers = rng.Chance(0.06) ? [pool.Pick(ref rng) with { Role = "Remix" }] : null;
                tracks.Add(new GeneratedTrack(position, "track", title, duration, trackArtists, remixers));
            }
        }

        return [.. tracks];
    }
}
