namespace VinylVault.Ui.Collection;

/// <summary>
/// Cover addresses as the browser needs them. The demo's simulator runs inside this process and stamps its images
/// with the loopback address the server calls itself on; a phone on the home network must ask this same site for
/// them instead, so those become paths on the current origin. Discogs' own image URLs pass through unchanged.
/// </summary>
public sealed class CoverUrls
{
    private volatile Uri? _self;

    /// <summary>The address the server reaches itself on (set by the demo host), or null.</summary>
    public Uri? Self
    {
        get => _self;
        set => _self = value;
    }

    public string? ForBrowser(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return Self is { } self && Uri.Compare(uri, self, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? uri.PathAndQuery
            : url;
    }
}
