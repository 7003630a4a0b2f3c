using System.Text;
using System.Text.RegularExpressions;

namespace VinylVault.Core.Discogs;

/// <summary>How Discogs shows its data to people: joined artist names, unknown years and masters.</summary>
public static partial class DiscogsDisplay
{
    /// <summary>"Kruder & Dorfmeister", "Suburbass / MRMNK": names without the " (2)" disambiguation, joined as Discogs joins them.</summary>
    public static string ArtistName(IReadOnlyList<DiscogsArtist> artists)
    {
        var text = new StringBuilder();
        for (var i = 0; i < artists.Count; i++)
        {
            text.Append(Disambiguation().Replace(artists[i].Name, ""));
            if (i == artists.Count - 1)
            {
                break;
            }

            var join = artists[i].Join?.Trim();
            text.Append(string.IsNullOrEmpty(join) || join == "," ? ", " : $" {join} ");
        }

        return text.ToString();
    }

    /// <summary>Discogs writes 0 for an unknown year or master.</summary>
    public static int? Known(int? value) => value is > 0 ? value : null;

    /// <inheritdoc cref="Known(int?)"/>
    public static long? Known(long? value) => value is > 0 ? value : null;

    [GeneratedRegex(@"\s\(\d+\)$")]
    private static partial Regex Disambiguation();
}
