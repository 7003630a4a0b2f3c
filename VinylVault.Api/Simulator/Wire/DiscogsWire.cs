using System.Text.Json.Serialization;

namespace VinylVault.Api.Simulator.Wire;

// Discogs' JSON exactly as the API writes it, traps included: qty and search year as strings, master_url written
// as null, lists left out. These are NOT the Core records (those are tolerant readers); they are what Discogs sends.
// Null properties are left out unless marked to be written.

internal sealed record WireMessage(string Message);

internal sealed record WireIdentity(long Id, string Username, string ResourceUrl, string ConsumerName);

internal sealed record WireFolder(int Id, string Name, int Count, string ResourceUrl);

internal sealed record WireAdded(long InstanceId, string ResourceUrl);

internal sealed record WireFolders(IReadOnlyList<WireFolder> Folders);

internal sealed record WireUrls(string? First, string? Prev, string? Next, string? Last);

internal sealed record WirePagination(int Page, int Pages, int PerPage, int Items, WireUrls Urls);

internal sealed record WireArtist(string Name, string Anv, string Join, string Role, string Tracks, long Id, string ResourceUrl);

internal sealed record WireLabel(string Name, string Catno, string EntityType, string EntityTypeName, long Id, string ResourceUrl);

internal sealed record WireFormat(string Name, string Qty, IReadOnlyList<string>? Descriptions, string? Text);

internal sealed record WireBasicInformation
{
    public required long Id { get; init; }
    public required long MasterId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? MasterUrl { get; init; }
    public required string ResourceUrl { get; init; }
    public required string Thumb { get; init; }
    public required string CoverImage { get; init; }
    public required string Title { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<WireFormat> Formats { get; init; }
    public required IReadOnlyList<WireLabel>? Labels { get; init; }
    public required IReadOnlyList<WireArtist> Artists { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required IReadOnlyList<string>? Styles { get; init; }
}

internal sealed record WireNote(int FieldId, string Value);

internal sealed record WireCollectionItem(
    long Id, long InstanceId, int FolderId, int Rating, string DateAdded, IReadOnlyList<WireNote>? Notes, WireBasicInformation BasicInformation);

internal sealed record WireCollectionPage(WirePagination Pagination, IReadOnlyList<WireCollectionItem> Releases);

internal sealed record WireTrack(
    string Position,
    [property: JsonPropertyName("type_")] string Type,
    string Title,
    string Duration,
    IReadOnlyList<WireArtist>? Artists,
    IReadOnlyList<WireArtist>? Extraartists);

internal sealed record WireImage(
    string Type, string Uri, string ResourceUrl, [property: JsonPropertyName("uri150")] string Uri150, int Width, int Height);

internal sealed record WireRating(int Count, decimal Average);

internal sealed record WireCommunity(int Have, int Want, WireRating Rating, string DataQuality, string Status);

internal sealed record WireSearchCommunity(int Want, int Have);

internal sealed record WireValue(string Minimum, string Median, string Maximum);

internal sealed record WireIdentifier(string Type, string Value, string? Description);

internal sealed record WireField(int Id, string Name, string Type, int Position, bool Public, IReadOnlyList<string>? Options, int? Lines);

internal sealed record WireFields(IReadOnlyList<WireField> Fields);

internal sealed record WireWant(long Id, int Rating, string Notes, string ResourceUrl, string DateAdded, WireBasicInformation BasicInformation);

internal sealed record WireWantsPage(WirePagination Pagination, IReadOnlyList<WireWant> Wants);

internal sealed record WirePrice(decimal Value, string Currency);

internal sealed record WireMarketplaceStats(
    int NumForSale,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WirePrice? LowestPrice,
    bool BlockedFromSale);
