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

    /// <summary>Names joined as Discogs joins them in search titles ("Trash80 & Dma-Sc").</summary>
    public string ArtistLine => string.Concat(Artists.Select((a, i) =>
        i == Artists.Length - 1 ? a.Name : a.Join is "," or "" ? $"{a.Name}, " : $"{a.Name} {a.Join} "));
}
