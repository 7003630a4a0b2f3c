namespace VinylVault.Core.Collection;

public enum CollectionSort { Artist, Title, Year, DateAdded }

public enum SortOrder { Asc, Desc }

/// <summary>What the collection page, the REST endpoint and the UI's filter panel ask of the database.</summary>
public sealed record CollectionQuery
{
    public const int MaxPageSize = 500;

    /// <summary>Free text over title, artist and label (and catalogue number).</summary>
    public string? Q { get; init; }
    public string? Genre { get; init; }
    public string? Style { get; init; }
    /// <summary>A format name ("Vinyl") or description ("LP", "7\"").</summary>
    public string? Format { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public int? FolderId { get; init; }
    /// <summary>Items rated exactly this (0 = unrated).</summary>
    public int? Rating { get; init; }
    public CollectionSort Sort { get; init; } = CollectionSort.Artist;
    public SortOrder Order { get; init; } = SortOrder.Asc;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One owned copy, as the grid, the table and GET /api/collection show it.</summary>
public sealed record CollectionItemView(
    long InstanceId,
    long ReleaseId,
    string Title,
    string Artist,
    int? Year,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Styles,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Labels,
    int Rating,
    int FolderId,
    DateTime DateAdded,
    string? Thumb,
    string? CoverImage,
    bool HasDetails,
    bool Pending = false)
{
    /// <summary>The thumb from the local cover cache (app-relative), null when Discogs gave none.</summary>
    public string? LocalThumb => Covers.CoverKind.LocalUrl(ReleaseId, Covers.CoverKind.Thumb, Thumb);

    public string? LocalCover => Covers.CoverKind.LocalUrl(ReleaseId, Covers.CoverKind.Cover, CoverImage);
}

public sealed record CollectionPageResult(IReadOnlyList<CollectionItemView> Items, int Page, int PageSize, int Total);
