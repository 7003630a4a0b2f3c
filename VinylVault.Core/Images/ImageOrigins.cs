using Microsoft.Extensions.Configuration;

namespace VinylVault.Core.Images;

/// <summary>
/// Where an image named by Discogs data may be loaded from: https on one of the allowed origins (Images:AllowedOrigins,
/// by default Discogs' image hosts). Anything else (http, javascript:, another host, credentials in the address) is
/// refused, so hostile data can neither track the browser nor make the server fetch arbitrary addresses.
/// </summary>
public sealed class ImageOrigins
{
    public const string ConfigurationKey = "Images:AllowedOrigins";

    public static readonly IReadOnlyList<string> Defaults =
        ["https://i.discogs.com", "https://img.discogs.com", "https://api-img.discogs.com", "https://st.discogs.com"];

    public static ImageOrigins Default { get; } = new(Defaults);

    private readonly HashSet<string> _origins;

    /// <summary>Throws <see cref="ArgumentException"/> naming <see cref="ConfigurationKey"/> for an entry that is not an origin.</summary>
    public ImageOrigins(IEnumerable<string> origins)
    {
        _origins = new(StringComparer.OrdinalIgnoreCase);
        foreach (var origin in origins)
        {
            _origins.Add(Origin(origin) ?? throw new ArgumentException(
                $"{ConfigurationKey}: '{origin}' is not an origin such as https://i.discogs.com (scheme and host, no path).", nameof(origins)));
        }
    }

    public IReadOnlyCollection<string> Origins => _origins;

    /// <summary>Images:AllowedOrigins when configured (it replaces the defaults), else <see cref="Default"/>.</summary>
    public static ImageOrigins FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetSection(ConfigurationKey).GetChildren().Select(c => c.Value ?? "").ToList();
        return configured.Count > 0 ? new ImageOrigins(configured) : Default;
    }

    /// <summary>These origins plus <paramref name="origin"/> (the demo simulator's own, which serves plain http on loopback).</summary>
    public ImageOrigins With(string origin) => new([.. _origins, origin]);

    /// <summary>True for an absolute https (or an explicitly allowed) address on an allowed origin, without user info.</summary>
    public bool IsAllowed(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        _origins.Contains(uri.GetLeftPart(UriPartial.Authority));

    /// <summary>True for a path on this site ("/covers/1/thumb"), never a network path ("//host") or a scheme.</summary>
    public static bool IsAppRelative(string? url) =>
        url is ['/'] or ['/', not ('/' or '\\'), ..] && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    // Https anywhere; plain http only on loopback (the demo). The default port is left out, as browsers send it.
    private static string? Origin(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && uri.Query.Length == 0 &&
        uri.UserInfo.Length == 0 && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
