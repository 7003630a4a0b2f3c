namespace VinylVault.Api.Simulator.Generation;

// The generator's own model of a release: plain data, no wire concerns. A null list is one Discogs leaves out;
// an empty one is one it sends as []. Both happen, and clients must cope with both.

internal sealed record GeneratedArtist(long Id, string Name, string Anv = "", string Join = "", string Role = "");

internal sealed record GeneratedLabel(long Id, string Name, string Catno);

internal sealed record GeneratedFormat(string Name, int Qty, string[] Descriptions, string? Text);

/// <summary>Type is "track" or "heading"; a heading has no position or duration.</summary>
internal sealed record GeneratedTrack(
    string Position, string Type, string Title, string Duration, GeneratedArtist[]? Artists, GeneratedArtist[]? ExtraArtists);

internal sealed record GeneratedRelease
{
    public required int Index { get; init; }
    public required long Id { get; init; }
    /// <summary>0 when the release has no master (Discogs then sends master_url null).</summary>
    public required long MasterId { get; init; }
    public required string Title { get; init; }
    /// <summary>0 when unknown.</summary>
    public required int Year { get; init; }
    /// <summary>"1999-03-13", "1999-03-00" or "1999"; null when the year is unknown.</summary>
    public required string? Released { get; init; }
    public required string Country { get; init; }
    public required GeneratedArtist[] Artists { get; init; }
    public required GeneratedArtist[] ExtraArtists { get; init; }
    public required GeneratedLabel[]? Labels { get; init; }
    public required GeneratedFormat[] Formats { get; init; }
    public required string[] Genres { get; init; }
    public required string[]? Styles { get; init; }
    public required GeneratedTrack[] Tracklist { get; init; }
    public required string? Notes { get; init; }
    /// <summary>0 for a release without any image (thumb and cover_image are then "").</summary>
    public required int ImageCount { get; init; }
    public required int Have { get; init; }
    public required int Want { get; init; }
    public required int RatingCount { get; init; }
    public required decimal RatingAverage { get; init; }
    public required int NumForSale { get; init; }
    public required decimal? LowestPrice { get; init; }
    public required string DataQuality { get; init; }

    /// <summary>
    /// The UPC-A barcode as the release's Discogs page prints it, or null (every fifth release, like old pressings
    /// without one). Derived from the id alone, so it costs the seeded generator no draws: spaced as on a sleeve
    /// ("0 12345 67890 5") for odd ids, bare digits for even ones, as Discogs' contributors write both.
    /// </summary>
    public string? Barcode
    {
        get
        {
            if (Id % 5 == 0)
            {
                return null;
            }

            var body = "0" + ((Id * 7_919) % 10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
            var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 3 : 1)).Sum();
            var digits = body + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Id % 2 == 1 ? $"{digits[0]} {digits[1..6]} {digits[6..11]} {digits[11]}" : digits;
        }
    }

    /// <summary>Names joined as Discogs joins them in search titles ("Trash80 & Dma-Sc").</summary>
    public string ArtistLine => string.Concat(Artists.Select((a, i) =>
        i == Artists.Length - 1 ? a.Name : a.Join is "," or "" ? $"{a.Name}, " : $"{a.Name} {a.Join} "));
}
