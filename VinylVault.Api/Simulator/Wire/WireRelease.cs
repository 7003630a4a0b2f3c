using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VinylVault.Api.Simulator.Wire;

/// <summary>GET /releases/{id}. A release without a master leaves master_id and master_url out altogether.</summary>
internal sealed record WireRelease
{
    public required long Id { get; init; }
    public required string Status { get; init; }
    public required int Year { get; init; }
    public required string ResourceUrl { get; init; }
    public required string Uri { get; init; }
    public required IReadOnlyList<WireArtist> Artists { get; init; }
    public required string ArtistsSort { get; init; }
    public required IReadOnlyList<WireLabel>? Labels { get; init; }
    public required IReadOnlyList<WireLabel> Series { get; init; }
    public required IReadOnlyList<WireFormat> Formats { get; init; }
    public required string FormatQuantity { get; init; }
    public required WireCommunity Community { get; init; }
    public required string DataQuality { get; init; }
    public required int NumForSale { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required decimal? LowestPrice { get; init; }
    public long? MasterId { get; init; }
    public string? MasterUrl { get; init; }
    public required string Title { get; init; }
    public required string Country { get; init; }
    public string? Released { get; init; }
    public string? ReleasedFormatted { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<string> Genres { get; init; }
    public required IReadOnlyList<string>? Styles { get; init; }
    public required IReadOnlyList<WireTrack> Tracklist { get; init; }
    public required IReadOnlyList<WireArtist> Extraartists { get; init; }
    public IReadOnlyList<WireImage>? Images { get; init; }
    public required string Thumb { get; init; }
    public required int EstimatedWeight { get; init; }
    public required IReadOnlyList<WireIdentifier> Identifiers { get; init; }
}

/// <summary>One hit of GET /database/search: "Artist - Title", year as a string, labels and formats as plain lists.</summary>
internal sealed record WireSearchResult
{
    public required long Id { get; init; }
    public required string Type { get; init; }
    public required string Title { get; init; }
    public required string Thumb { get; init; }
    public required string CoverImage { get; init; }
    public required string Uri { get; init; }
    public required string ResourceUrl { get; init; }
    public string? Country { get; init; }
    public string? Year { get; init; }
    public IReadOnlyList<string>? Format { get; init; }
    public IReadOnlyList<string>? Label { get; init; }
    public IReadOnlyList<string>? Genre { get; init; }
    public IReadOnlyList<string>? Style { get; init; }
    public string? Catno { get; init; }
    public IReadOnlyList<string>? Barcode { get; init; }
    public long? MasterId { get; init; }
    public string? MasterUrl { get; init; }
    public WireSearchCommunity? Community { get; init; }
}

internal sealed record WireSearchPage(WirePagination Pagination, IReadOnlyList<WireSearchResult> Results);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireMessage))]
[JsonSerializable(typeof(WireIdentity))]
[JsonSerializable(typeof(WireFolders))]
[JsonSerializable(typeof(WireCollectionPage))]
[JsonSerializable(typeof(WireRelease))]
[JsonSerializable(typeof(WireSearchPage))]
[JsonSerializable(typeof(WireValue))]
[JsonSerializable(typeof(WireFields))]
[JsonSerializable(typeof(WireWantsPage))]
[JsonSerializable(typeof(WireMarketplaceStats))]
[JsonSerializable(typeof(WireFolder))]
[JsonSerializable(typeof(WireAdded))]
internal sealed partial class WireJson : JsonSerializerContext;

/// <summary>Writes the wire records as Discogs does: names in plain UTF-8 ("Sigur Rós"), not \u escapes.</summary>
internal static class WireSerializer
{
    private static readonly JsonSerializerOptions Utf8 = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = WireJson.Default,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)Utf8.GetTypeInfo(typeof(T)));

    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, Utf8.GetTypeInfo(value.GetType()));
}
