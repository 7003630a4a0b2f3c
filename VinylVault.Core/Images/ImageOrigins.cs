using Microsoft.Extensions.Options;
using VinylVault.Core.Covers;

namespace VinylVault.Core.Images;

/// <summary>
/// The one rule for where an image named by Discogs data may come from: the origins of Images:AllowedOrigins (by
/// default Discogs' image hosts; each https, or plain http on loopback), any path; plus what is added explicitly at
/// runtime with a path prefix (the demo allows only its simulator's image path on its own address, never the rest of
/// the app). The cover downloader asks <see cref="IsAllowed(Uri)"/> before every request and every redirect; the
/// browser is given only https addresses on a configured origin (<see cref="IsAllowedInBrowser"/>). Anything else
/// (another scheme, host or port, user info, javascript:, file:) is refused, so hostile data can neither track the
/// browser nor make the server fetch arbitrary addresses. The configured list is validated at start-up with the
/// Images section (<see cref="CoverOptions"/>), the message naming <see cref="ConfigurationKey"/>.
/// </summary>
public sealed class ImageOrigins
{
    public const string ConfigurationKey = CoverOptions.Section + ":" + nameof(CoverOptions.AllowedOrigins);

    public static readonly IReadOnlyList<string> Defaults =
        ["https://i.discogs.com", "https://img.discogs.com", "https://api-img.discogs.com", "https://st.discogs.com"];

    public static ImageOrigins Default { get; } = new(Defaults);

    private readonly Lock _gate = new();
    private readonly List<Uri> _configured;
    private List<Uri> _added = [];

    /// <summary>Throws <see cref="ArgumentException"/> naming <see cref="ConfigurationKey"/> for an entry that is not an origin.</summary>
    public ImageOrigins(IEnumerable<string> origins) =>
        _configured = [.. origins.Select(o => ParseOrigin(o) ?? throw new ArgumentException($"{ConfigurationKey}: {Problem(o)}", nameof(origins)))];

    /// <summary>Images:AllowedOrigins as bound and validated with the Images section.</summary>
    public ImageOrigins(IOptions<CoverOptions> options)
        : this(options.Value.Origins)
    {
    }

    public IReadOnlyList<string> Origins => [.. _configured.Select(o => o.GetLeftPart(UriPartial.Authority))];

    /// <summary>Allows <paramref name="prefix"/> (origin and path) for downloads, in addition to the configured origins.</summary>
    public void AllowAlso(Uri prefix)
    {
        lock (_gate)
        {
            _added = [.. _added.Where(p => p != prefix), prefix];
        }
    }

    public void Disallow(Uri prefix)
    {
        lock (_gate)
        {
            _added = [.. _added.Where(p => p != prefix)];
        }
    }

    /// <summary>Whether the server may request <paramref name="uri"/>: a configured origin, or under a prefix added at runtime.</summary>
    public bool IsAllowed(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            return false;
        }

        List<Uri> added;
        lock (_gate)
        {
            added = _added;
        }

        // AbsolutePath is normalised by Uri ("/a/../b" is "/b"), so a prefix cannot be escaped with dot segments.
        return _configured.Any(o => SameOrigin(o, uri))
            || added.Any(p => SameOrigin(p, uri) && uri.AbsolutePath.StartsWith(p.AbsolutePath, StringComparison.Ordinal));
    }

    public bool IsAllowed(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <summary>Whether a browser may load <paramref name="url"/> as it is: https on a configured origin.</summary>
    public bool IsAllowedInBrowser(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0
        && _configured.Any(o => SameOrigin(o, uri));

    /// <summary>True for a path on this site ("/covers/1/thumb"), never a network path ("//host") or a scheme.</summary>
    public static bool IsAppRelative(string? url) =>
        url is ['/'] or ['/', not ('/' or '\\'), ..] && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>"https://host[:port]" (or plain http on loopback, as the demo and the tests serve) with nothing else, or null.</summary>
    public static Uri? ParseOrigin(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            && uri.UserInfo.Length == 0
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;

    /// <summary>What is wrong with an entry that is not an origin (the start-up error, after the key).</summary>
    public static string Problem(string? origin) =>
        $"'{origin}' is not an origin: write https, the host and an optional port only (plain http only on loopback), e.g. https://i.discogs.com";

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
