namespace VinylVault.Core.Collection;

/// <summary>A release as the detail page and GET /api/releases/{id} show it, with every copy owned of it.</summary>
public sealed record ReleaseDetailView(
    long Id,
    string Title,
    string Artist,
    int? Year,
    string? Country,
    string? Released,
    string? Notes,
    long? MasterId,
    string? Thumb,
    string? CoverImage,
    string? DataQuality,
    string DiscogsUrl,
    IReadOnlyList<ArtistCredit> Artists,
    IReadOnlyList<LabelCredit> Labels,
    IReadOnlyList<FormatView> Formats,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Styles,
    IReadOnlyList<TrackView> Tracklist,
    IReadOnlyList<ImageView> Images,
    CommunityView? Community,
    decimal? LowestPrice,
    int? NumForSale,
    bool HasDetails,
    DateTime? DetailsFetchedAt,
    IReadOnlyList<InstanceView> Instances,
    string? PriceCurrency = null,
    IReadOnlyList<IdentifierView>? Identifiers = null)
{
    public string? LocalThumb => Covers.CoverKind.LocalUrl(Id, Covers.CoverKind.Thumb, Thumb);

    public string? LocalCover => Covers.CoverKind.LocalUrl(Id, Covers.CoverKind.Cover, CoverImage);
}

/// <summary>A barcode, matrix / runout etching, label code... as printed on the release.</summary>
public sealed record IdentifierView(string Type, string Value, string? Description);

public sealed record ArtistCredit(long Id, string Name, string? Anv, string? Join);

public sealed record LabelCredit(long Id, string Name, string? Catno);

public sealed record FormatView(string Name, int? Qty, IReadOnlyList<string> Descriptions, string? Text);

public sealed record TrackView(string Position, string Title, string? Duration, string? Type);

public sealed record ImageView(string Type, string Uri, string? Uri150, int Width, int Height)
{
    /// <summary>The image from the local cover cache (fetched when first shown), app-relative.</summary>
    public string? Local { get; init; }
}

public sealed record CommunityView(int Have, int Want, double? Rating, int RatingCount);

/// <summary>One owned copy; <see cref="Notes"/> maps custom-field names ("Media Condition") to values.</summary>
public sealed record InstanceView(long InstanceId, int FolderId, string? FolderName, int Rating, DateTime DateAdded, IReadOnlyDictionary<string, string> Notes,
    bool Pending = false);
