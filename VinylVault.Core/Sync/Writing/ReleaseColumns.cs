using System.Security.Cryptography;
using System.Text.Json;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync.Writing;

/// <summary>The derived text columns of a release: display name, sort keys, search text, and the page-data hash.</summary>
internal static class ReleaseColumns
{
    public static (string Display, string ArtistSort, string TitleSort, string Search) Keys(
        string title, IReadOnlyList<DiscogsArtist> artists, IReadOnlyList<DiscogsLabel> labels)
    {
        var display = DiscogsDisplay.ArtistName(artists);
        var parts = new List<string>(2 + artists.Count + 2 * labels.Count) { title, display };
        parts.AddRange(artists.Select(a => a.Anv).OfType<string>().Where(a => a.Length > 0));
        parts.AddRange(labels.Select(l => l.Name));
        parts.AddRange(labels.Select(l => l.Catno).OfType<string>().Where(c => c.Length > 0));
        return (display, TextFold.Fold(display), TextFold.Fold(title), TextFold.Fold(string.Join(" | ", parts)));
    }

    /// <summary>A stable fingerprint of basic_information: an unchanged release costs no writes on the next sync.</summary>
    public static long Hash(BasicInformation info)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, DiscogsJson.Options);
        return BitConverter.ToInt64(SHA256.HashData(bytes), 0);
    }

    public static string DescriptionsJson(IReadOnlyList<string> descriptions) => JsonSerializer.Serialize(descriptions);
}
