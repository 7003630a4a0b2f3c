using System.Text.Json.Serialization;

namespace VinylVault.Core.Discogs;

// Records that parse Discogs' real JSON (snake_case). Every list defaults to empty, because Discogs omits empty
// lists or sends null; every optional value is nullable; year 0 and master_id 0 mean "unknown" (see Known()).

public sealed record DiscogsIdentity
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string? ResourceUrl { get; init; }
    public string? ConsumerName { get; init; }
}

public sealed record DiscogsPagination
{
    public int Page { get; init; }
    public int Pages { get; init; }
    public int PerPage { get; init; }
    public int Items { get; init; }
    public DiscogsPaginationUrls? Urls { get; init; }
}

public sealed record DiscogsPaginationUrls(string? First, string? Prev, string? Next, string? Last);

public sealed record FolderList
{
    public IReadOnlyList<DiscogsFolder> Folders { get; init; } = [];
}

public sealed record DiscogsFolder(int Id, string Name, int Count);

public sealed record CollectionPage
{
    public DiscogsPagination Pagination { get; init; } = new();
    public IReadOnlyList<CollectionItem> Releases { get; init; } = [];
}

public sealed record CollectionItem
{
    /// <summary>The release id. The key of an item is <see cref="InstanceId"/>: a release can be owned twice.</summary>
    public long Id { get; init; }
    public long InstanceId { get; init; }
    public int FolderId { get; init; }
    public int Rating { get; init; }
    public DateTimeOffset DateAdded { get; init; }
    public IReadOnlyList<CollectionNote> Notes { get; init; } = [];
    public BasicInformation BasicInformation { get; init; } = new();
}

public sealed record CollectionNote(int FieldId, string? Value);

public sealed record BasicInformation
{
    public long Id { get; init; }
    public long? MasterId { get; init; }
    public string? MasterUrl { get; init; }
    public string Title { get; init; } = "";
    public int? Year { get; init; }
    public string? Thumb { get; init; }
    public string? CoverImage { get; init; }
    public IReadOnlyList<DiscogsFormat> Formats { get; init; } = [];
    public IReadOnlyList<DiscogsLabel> Labels { get; init; } = [];
    public IReadOnlyList<DiscogsArtist> Artists { get; init; } = [];
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> Styles { get; init; } = [];
}

public sealed record DiscogsArtist
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Anv { get; init; }
    public string? Join { get; init; }
    public string? Role { get; init; }
}

public sealed record DiscogsLabel
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Catno { get; init; }
}

public sealed record DiscogsFormat
{
    public string Name { get; init; } = "";
    /// <summary>Discogs sends qty as a string ("2").</summary>
    public int? Qty { get; init; }
    public IReadOnlyList<string> Descriptions { get; init; } = [];
    public string? Text { get; init; }
}

public sealed record DiscogsRelease
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public int? Year { get; init; }
    public string? Country { get; init; }
    /// <summary>"1999-03-13", "1999-03-00" (day unknown) or "1999": kept as Discogs wrote it.</summary>
    public string? Released { get; init; }
    public string? Notes { get; init; }
    public long? MasterId { get; init; }
    public string? MasterUrl { get; init; }
    public string? Thumb { get; init; }
    public string? Uri { get; init; }
    public string? DataQuality { get; init; }
    public DiscogsCommunity? Community { get; init; }
    public decimal? LowestPrice { get; init; }
    public int? NumForSale { get; init; }
    public IReadOnlyList<DiscogsArtist> Artists { get; init; } = [];
    public IReadOnlyList<DiscogsArtist> Extraartists { get; init; } = [];
    public IReadOnlyList<DiscogsLabel> Labels { get; init; } = [];
    public IReadOnlyList<DiscogsFormat> Formats { get; init; } = [];
    public IReadOnlyList<string> Genres { get; init; } = [];
    public IReadOnlyList<string> Styles { get; init; } = [];
    public IReadOnlyList<DiscogsTrack> Tracklist { get; init; } = [];
    public IReadOnlyList<DiscogsImage> Images { get; init; } = [];
    /// <summary>Barcodes, matrix / runout etchings, label codes and the like, as printed.</summary>
    public IReadOnlyList<DiscogsIdentifier> Identifiers { get; init; } = [];
}

public sealed record DiscogsIdentifier
{
    /// <summary>"Barcode", "Matrix / Runout", "Label Code", "Rights Society", ...</summary>
    public string Type { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Description { get; init; }
}

public sealed record DiscogsTrack
{
    public string Position { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Duration { get; init; }
    /// <summary>"track", "heading" or "index".</summary>
    [JsonPropertyName("type_")]
    public string? Type { get; init; }
}

public sealed record DiscogsImage
{
    public string Type { get; init; } = "";
    public string Uri { get; init; } = "";
    [JsonPropertyName("uri150")]
    public string? Uri150 { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
}

public sealed record DiscogsCommunity
{
    public int Have { get; init; }
    public int Want { get; init; }
    public DiscogsCommunityRating? Rating { get; init; }
}

public sealed record DiscogsCommunityRating(int Count, decimal Average);

public sealed record SearchResults
{
    public DiscogsPagination Pagination { get; init; } = new();
    public IReadOnlyList<SearchResult> Results { get; init; } = [];
}

public sealed record SearchResult
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    /// <summary>"Artist - Title", as Discogs writes it.</summary>
    public string Title { get; init; } = "";
    /// <summary>Discogs sends the search year as a string ("2008").</summary>
    public int? Year { get; init; }
    public string? Thumb { get; init; }
    public string? CoverImage { get; init; }
    public string? Country { get; init; }
    public string? Catno { get; init; }
    public IReadOnlyList<string> Format { get; init; } = [];
    [JsonConverter(typeof(StringOrListConverter))]
    public IReadOnlyList<string> Label { get; init; } = [];
    public IReadOnlyList<string> Genre { get; init; } = [];
    public IReadOnlyList<string> Style { get; init; } = [];
}

public sealed record CollectionValue(DiscogsMoney? Minimum, DiscogsMoney? Median, DiscogsMoney? Maximum);

public sealed record CollectionFields
{
    public IReadOnlyList<CollectionField> Fields { get; init; } = [];
}

public sealed record CollectionField
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Type { get; init; } = "";
    public int Position { get; init; }
    public bool Public { get; init; }
    public IReadOnlyList<string> Options { get; init; } = [];
}

public sealed record WantlistPage
{
    public DiscogsPagination Pagination { get; init; } = new();
    public IReadOnlyList<Want> Wants { get; init; } = [];
}

public sealed record Want
{
    public long Id { get; init; }
    public int Rating { get; init; }
    public string? Notes { get; init; }
    public DateTimeOffset? DateAdded { get; init; }
    public BasicInformation BasicInformation { get; init; } = new();
}

public sealed record MarketplaceStats(int? NumForSale, DiscogsMoney? LowestPrice, bool? BlockedFromSale);

/// <summary>The query of a collection page. Discogs caps per_page at 100.</summary>
public sealed record CollectionPageQuery(
    int Page,
    [property: Refit.AliasAs("per_page")] int PerPage = 100,
    string Sort = "added",
    [property: Refit.AliasAs("sort_order")] string SortOrder = "desc");

/// <summary>Discogs' answer to adding a copy (201).</summary>
public sealed record AddedInstance(long InstanceId, string? ResourceUrl);

/// <summary>A copy's new rating and/or folder; what is null is left as it is.</summary>
public sealed record InstanceChange(int? Rating = null, int? FolderId = null);

public sealed record FieldValue(string Value);

public sealed record FolderName(string Name);
