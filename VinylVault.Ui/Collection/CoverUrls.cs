using System.Net;
using VinylVault.Core.Images;

namespace VinylVault.Ui.Collection;

/// <summary>
/// Cover addresses as the browser needs them. The demo's simulator runs inside this process and stamps its images
/// with the loopback address the server calls itself on; a phone on the home network must ask this same site for
/// them instead, so those become paths on the current origin. Paths on this site pass; an absolute address passes
/// only as https on an allowed image origin (<see cref="ImageOrigins"/>); anything else shows no image.
/// </summary>
public sealed class CoverUrls
{
    /// <summary>Where this app serves images of its own (the demo simulator's path), or null.</summary>
    public string? LocalPrefix { get; init; }

    public ImageOrigins Origins { get; init; } = ImageOrigins.Default;

    public string? ForBrowser(string? url)
    {
        if (ImageOrigins.IsAppRelative(url))
        {
            return url;
        }

        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var local = LocalPrefix is { } prefix && IsLoopback(uri) &&
            uri.AbsolutePath.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);
        if (local)
        {
            return uri.PathAndQuery;
        }

        return Origins.IsAllowedInBrowser(url) ? url : null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
