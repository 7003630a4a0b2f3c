using Microsoft.Extensions.Options;

namespace VinylVault.Core.Covers;

/// <summary>
/// Where the server may download images from: the configured origins (any path), plus places added at runtime with
/// a path prefix (the demo allows only its simulator's image path on its own address, never the rest of the app).
/// A URL with another scheme, host or port, user info, or any scheme but http(s) is refused before any request.
/// </summary>
public sealed class CoverOrigins
{
    private readonly Lock _gate = new();
    private readonly List<Uri> _configured;
    private List<Uri> _extra = [];

    public CoverOrigins(IOptions<CoverOptions> options) =>
        _configured = [.. options.Value.Origins.Select(ParseOrigin).OfType<Uri>()];

    /// <summary>Allows <paramref name="prefix"/> (origin and path) in addition to the configured origins.</summary>
    public void AllowAlso(Uri prefix)
    {
        lock (_gate)
        {
            _extra = [.. _extra.Where(p => p != prefix), prefix];
        }
    }

    public void Disallow(Uri prefix)
    {
        lock (_gate)
        {
            _extra = [.. _extra.Where(p => p != prefix)];
        }
    }

    public bool IsAllowed(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            return false;
        }

        List<Uri> extra;
        lock (_gate)
        {
            extra = _extra;
        }

        // AbsolutePath is normalised by Uri ("/a/../b" is "/b"), so a prefix cannot be escaped with dot segments.
        return _configured.Any(o => SameOrigin(o, uri))
            || extra.Any(p => SameOrigin(p, uri) && uri.AbsolutePath.StartsWith(p.AbsolutePath, StringComparison.Ordinal));
    }

    /// <summary>"https://host[:port]" with nothing else, or null.</summary>
    public static Uri? ParseOrigin(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.UserInfo.Length == 0
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
