using System.Globalization;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;

namespace VinylVault.Ui.Releases;

/// <summary>The release page's wording of Discogs data: credits with their joins, formats, running times.</summary>
public static class ReleaseText
{
    /// <summary>"Kruder & Dorfmeister": each credit's name as credited (else its name), joined as Discogs joins them.</summary>
    public static string Artists(IReadOnlyList<ArtistCredit> credits, string fallback) =>
        credits.Count == 0
            ? fallback
            : DiscogsDisplay.JoinCredits(credits.Select(c => (string.IsNullOrWhiteSpace(c.Anv) ? c.Name : c.Anv, c.Join)));

    /// <summary>"2 × Vinyl, LP, Album, Gatefold": quantity when more than one, then name, descriptions and free text.</summary>
    public static string Format(FormatView format)
    {
        var parts = new List<string> { format.Name };
        parts.AddRange(format.Descriptions);
        if (!string.IsNullOrWhiteSpace(format.Text))
        {
            parts.Add(format.Text.Trim());
        }

        var line = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return format.Qty is > 1 ? $"{format.Qty} × {line}" : line;
    }

    /// <summary>The sum of the tracks' "m:ss" durations, or null when any track has none.</summary>
    public static string? TotalDuration(IReadOnlyList<TrackView> tracks)
    {
        var playable = tracks.Where(t => t.Type is null or "track").ToList();
        var total = TimeSpan.Zero;
        foreach (var track in playable)
        {
            if (Duration(track.Duration) is not { } length)
            {
                return null;
            }

            total += length;
        }

        return playable.Count == 0 ? null : total.TotalHours >= 1
            ? $"{(int)total.TotalHours}:{total.Minutes:00}:{total.Seconds:00}"
            : $"{(int)total.TotalMinutes}:{total.Seconds:00}";
    }

    public static bool IsHeading(TrackView track) => track.Type is "heading";

    private static TimeSpan? Duration(string? text)
    {
        var parts = text?.Split(':');
        if (parts is null || parts.Length is < 2 or > 3 ||
            !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return numbers.Length == 3
            ? new TimeSpan(numbers[0], numbers[1], numbers[2])
            : TimeSpan.FromSeconds(numbers[0] * 60 + numbers[1]);
    }
}
