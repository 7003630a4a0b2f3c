namespace VinylVault.Core.Wantlist;

public enum WantSort { Artist, Title, Year, DateAdded, Rating }

/// <summary>What the Wantlist page and GET /api/wantlist ask of the database.</summary>
public sealed record WantQuery
{
    public const int MaxPageSize = 500;

    /// <summary>Free text over title, artist, labels and catalogue numbers.</summary>
    public string? Q { get; init; }
    /// <summary>Only wants already owned (true) or not yet owned (false); null for both.</summary>
    public bool? InCollection { get; init; }
    /// <summary>Only wants with this rating (0 = unrated).</summary>
    public int? Rating { get; init; }
    /// <summary>A format name or description ("Vinyl", "LP", "7\""), as the collection's filter takes it.</summary>
    public string? Format { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public WantSort Sort { get; init; } = WantSort.DateAdded;
    public Collection.SortOrder Order { get; init; } = Collection.SortOrder.Desc;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>The sort a query-string key names (GET /api/wantlist and the page's address share them), or null.</summary>
    public static WantSort? ParseSort(string? key) => key switch
    {
        "artist" => WantSort.Artist,
        "title" => WantSort.Title,
        "year" => WantSort.Year,
        "rating" => WantSort.Rating,
        "date_added" => WantSort.DateAdded,
        _ => null,
    };

    public static string SortKey(WantSort sort) => sort == WantSort.DateAdded ? "date_added" : sort.ToString().ToLowerInvariant();
}

/// <summary>One want, as the Wantlist page and GET /api/wantlist show it.</summary>
public sealed record WantView(
    long ReleaseId,
    string Title,
    string Artist,
    int? Year,
    IReadOnlyList<string> Formats,
    string? Thumb,
    string Notes,
    int Rating,
    DateTime DateAdded,
    bool InCollection,
    bool Pending = false)
{
    /// <summary>The thumb from the local cover cache (app-relative), null when Discogs gave none.</summary>
    public string? LocalThumb => Covers.CoverKind.LocalUrl(ReleaseId, Covers.CoverKind.Thumb, Thumb);
}

public sealed record WantPage(IReadOnlyList<WantView> Items, int Page, int PageSize, int Total);

/// <summary>The answer to a removal: the want is gone locally; <see cref="Pending"/> while Discogs has not heard it.</summary>
public sealed record RemovedWantView(long ReleaseId, bool Removed, bool Pending);
