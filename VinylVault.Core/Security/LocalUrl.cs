namespace VinylVault.Core.Security;

/// <summary>
/// The one rule for return_url: a path on this site, percent-encoded, or "/" for anything else. A browser reads
/// "/\t/host" or "/\/host" as "//host" (another site), and a raw non-ASCII or control character cannot go into a
/// Location header at all, so those never pass.
/// </summary>
public static class LocalUrl
{
    private static readonly Uri Base = new("http://vinylvault.invalid/");

    public static string Normalize(string? url)
    {
        if (url is not ['/', ..] || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal) ||
            url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return "/";
        }

        // Uri percent-encodes what must be (non-ASCII, stray '%'), so the answer is always a valid header value.
        if (!Uri.TryCreate(Base, url, out var uri) || uri.Authority != Base.Authority)
        {
            return "/";
        }

        var local = uri.PathAndQuery + uri.Fragment;
        return local is ['/'] or ['/', not ('/' or '\\'), ..] && local.All(char.IsAscii) ? local : "/";
    }
}
