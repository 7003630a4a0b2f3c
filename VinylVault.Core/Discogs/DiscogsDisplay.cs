using System.Text;
using System.Text.RegularExpressions;

namespace VinylVault.Core.Discogs;

/// <summary>How Discogs shows its data to people: joined artist names, unknown years and masters.</summary>
public static partial class DiscogsDisplay
{
    /// <summary>"Kruder & Dorfmeister", "Suburbass / MRMNK": names without the " (2)" disambiguation, joined as Discogs joins them.</summary>
    public static string ArtistName(IReadOnlyList<DiscogsArtist> artists) =>
        JoinCredits(artists.Select(a => (Disambiguation().Replace(a.Name, ""), a.Join)));

    /// <summary>
    /// Discogs' one rule for joining credits: each name followed by its join (" & ", " / ", " And "), a comma when
    /// the join is empty or a comma; nothing after the last.
    /// </summary>
    public static string JoinCredits(IEnumerable<(string Name, string? Join)> credits)
    {
        var text = new StringBuilder();
        string? pending = null;
        foreach (var (name, join) in credits)
        {
            text.Append(pending).Append(name);
            var trimmed = join?.Trim();
            pending = string.IsNullOrEmpty(trimmed) || trimmed == "," ? ", " : $" {trimmed} ";
        }

        return text.ToString();
    }

    /// <summary>A search result's "Artist - Title" split in two; no artist when the title has no dash (an artist or label result).</summary>
    public static (string? Artist, string Title) SplitSearchTitle(string title)
    {
        var dash = title.IndexOf(" - ", StringComparison.Ordinal);
        return dash < 0 ? (null, title) : (title[..dash], title[(dash + 3)..]);
    }

    /// <summary>Discogs writes 0 for an unknown year or master.</summary>
    public static int? Known(int? value) => value is > 0 ? value : null;

    /// <inheritdoc cref="Known(int?)"/>
    public static long? Known(long? value) => value is > 0 ? value : null;

    [GeneratedRegex(@"\s\(\d+\)$")]
    private static partial Regex Disambiguation();
}
