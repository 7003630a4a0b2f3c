using System.Globalization;

namespace VinylVault.Core.Covers;

/// <summary>The images of a release the cache keeps, and the app-relative URLs that serve them.</summary>
public static class CoverKind
{
    public const string Thumb = "thumb";
    public const string Cover = "cover";

    public static string Image(int sequence) => string.Create(CultureInfo.InvariantCulture, $"image-{sequence}");

    /// <summary>"/covers/{id}/thumb" or "/covers/{id}/cover" when Discogs gave such an image, else null.</summary>
    public static string? LocalUrl(long releaseId, string kind, string? sourceUrl) =>
        string.IsNullOrWhiteSpace(sourceUrl) ? null : string.Create(CultureInfo.InvariantCulture, $"/covers/{releaseId}/{kind}");

    public static string? LocalImageUrl(long releaseId, int sequence, string? sourceUrl) =>
        string.IsNullOrWhiteSpace(sourceUrl) ? null : string.Create(CultureInfo.InvariantCulture, $"/covers/{releaseId}/images/{sequence}");

    /// <summary>The file name: from the release id and the kind only, never from the URL (no traversal, no surprises).</summary>
    public static string FileName(long releaseId, string kind, string contentType) =>
        string.Create(CultureInfo.InvariantCulture, $"{releaseId}-{kind}{ImageSniffer.Extension(contentType)}");
}
