namespace VinylVault.Ui.Releases;

/// <summary>
/// The "View on Discogs" address, if it is one: https on discogs.com or a subdomain, without user info. A release's
/// uri comes from Discogs data (untrusted), and a javascript: or look-alike address must not become a button.
/// </summary>
public static class DiscogsLink
{
    public static string? ForButton(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && uri.IsDefaultPort &&
        (uri.IdnHost.Equals("discogs.com", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".discogs.com", StringComparison.OrdinalIgnoreCase))
            ? uri.AbsoluteUri
            : null;
}
