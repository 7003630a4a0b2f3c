namespace VinylVault.Api.Simulator.Generation;

/// <summary>The formats a collector's shelf holds, described the way Discogs describes them.</summary>
internal static class FormatGenerator
{
    private static readonly string[][] CdDescriptions = [["Album"], ["Compilation"], ["Album", "Remastered"], ["Compilation", "Mixed"]];

    public static GeneratedFormat[] Pick(ref SeededRandom rng)
    {
        var roll = rng.Next(100);
        return roll switch
        {
            < 42 => [Lp(ref rng)],
            < 56 => [Twelve(ref rng)],
            < 66 => [new("Vinyl", 1, ["7\"", "45 RPM", "Single"], rng.Chance(0.2) ? "Picture Sleeve" : null)],
            < 84 => [new("CD", rng.Chance(0.1) ? 2 : 1, rng.Pick(CdDescriptions), rng.Chance(0.2) ? "Digipak" : null)],
            < 93 => [new("Cassette", 1, ["Album"], rng.Chance(0.3) ? "Dolby B" : null)],
            _ => BoxSet(ref rng),
        };
    }

    private static GeneratedFormat Lp(ref SeededRandom rng)
    {
        var qty = rng.Chance(0.15) ? 2 : 1;
        var descriptions = new List<string> { "LP", "Album" };
        if (rng.Chance(0.25))
        {
            descriptions.Add(rng.Pick(["Reissue", "Remastered", "Limited Edition", "Stereo", "Mono"]));
        }

        var text = rng.Next(5) switch
        {
            0 => "180 g",
            1 => qty == 2 ? "Gatefold" : "Red",
            2 => "Trifold Cover, 180 g",
            _ => null,
        };
        return new GeneratedFormat("Vinyl", qty, [.. descriptions], text);
    }

    private static GeneratedFormat Twelve(ref SeededRandom rng) => rng.Next(3) switch
    {
        0 => new("Vinyl", 1, ["12\"", "33 ⅓ RPM"], null),
        1 => new("Vinyl", 1, ["12\"", "45 RPM", "EP"], null),
        _ => new("Vinyl", 1, ["12\"", "Single"], rng.Chance(0.3) ? "White Label" : null),
    };

    private static GeneratedFormat[] BoxSet(ref SeededRandom rng) =>
    [
        new("Box Set", 1, ["Compilation", "Limited Edition"], null),
        new("Vinyl", rng.Between(3, 5), ["LP"], null),
        new("CD", 1, ["Album"], rng.Chance(0.5) ? "Bonus disc" : null),
    ];

    /// <summary>How many sides (vinyl, cassette) or discs (CD) the tracklist spans.</summary>
    public static (bool Sided, int Parts) Layout(GeneratedFormat[] formats)
    {
        var main = formats[^1];
        return main.Name switch
        {
            "Vinyl" or "Cassette" => (true, Math.Min(8, main.Qty * 2)),
            _ => (false, formats.Length > 1 ? 1 : main.Qty),
        };
    }
}
