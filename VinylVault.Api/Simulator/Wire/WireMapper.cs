using System.Globalization;
using System.Text;
using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator.Wire;

/// <summary>
/// Absolute URLs as Discogs writes them, rooted at wherever the caller reached the simulator
/// (http://127.0.0.1:port in tests, /demo/discogs inside the app), so image links always resolve.
/// </summary>
internal sealed record SimulatorLinks(string ApiBase)
{
    public string Image(long releaseId, int n, bool small) =>
        small ? $"{ApiBase}/images/R-150-{releaseId}-{n}.png" : $"{ApiBase}/images/R-{releaseId}-{n}.png";

    public string Release(long id) => $"{ApiBase}/releases/{id}";

    public string User(string username) => $"{ApiBase}/users/{Uri.EscapeDataString(username)}";
}

/// <summary>Turns a generated release into the JSON shapes of each endpoint.</summary>
internal static class WireMapper
{
    public static WireBasicInformation Basic(GeneratedRelease r, SimulatorLinks links) => new()
    {
        Id = r.Id,
        MasterId = r.MasterId,
        MasterUrl = r.MasterId == 0 ? null : $"{links.ApiBase}/masters/{r.MasterId}",
        ResourceUrl = links.Release(r.Id),
        Thumb = r.ImageCount == 0 ? "" : links.Image(r.Id, 1, small: true),
        CoverImage = r.ImageCount == 0 ? "" : links.Image(r.Id, 1, small: false),
        Title = r.Title,
        Year = r.Year,
        Formats = [.. r.Formats.Select(Format)],
        Labels = r.Labels?.Select(l => Label(l, links)).ToList(),
        Artists = [.. r.Artists.Select(a => Artist(a, links))],
        Genres = r.Genres,
        Styles = r.Styles,
    };

    /// <param name="lowestPrice">lowest_price in the currency asked for (curr_abbr).</param>
    public static WireRelease Release(GeneratedRelease r, SimulatorLinks links, decimal? lowestPrice) => new()
    {
        Id = r.Id,
        Status = "Accepted",
        Year = r.Year,
        ResourceUrl = links.Release(r.Id),
        Uri = $"https://www.discogs.com/release/{r.Id}-{Slug(r.ArtistLine + " " + r.Title)}",
        Artists = [.. r.Artists.Select(a => Artist(a, links))],
        ArtistsSort = r.ArtistLine,
        Labels = r.Labels?.Select(l => Label(l, links)).ToList(),
        Series = [],
        Formats = [.. r.Formats.Select(Format)],
        FormatQuantity = r.Formats.Sum(f => f.Qty).ToString(CultureInfo.InvariantCulture),
        Community = new WireCommunity(r.Have, r.Want, new WireRating(r.RatingCount, r.RatingAverage), r.DataQuality, "Accepted"),
        DataQuality = r.DataQuality,
        NumForSale = r.NumForSale,
        LowestPrice = lowestPrice,
        MasterId = r.MasterId == 0 ? null : r.MasterId,
        MasterUrl = r.MasterId == 0 ? null : $"{links.ApiBase}/masters/{r.MasterId}",
        Title = r.Title,
        Country = r.Country,
        Released = r.Released,
        ReleasedFormatted = ReleaseGenerator.ReleasedFormatted(r.Released),
        Notes = r.Notes,
        Genres = r.Genres,
        Styles = r.Styles,
        Tracklist = [.. r.Tracklist.Select(t => Track(t, links))],
        Extraartists = [.. r.ExtraArtists.Select(a => Artist(a, links))],
        Images = r.ImageCount == 0 ? null : [.. Enumerable.Range(1, r.ImageCount).Select(n => Image(r.Id, n, links))],
        Thumb = r.ImageCount == 0 ? "" : links.Image(r.Id, 1, small: true),
        EstimatedWeight = r.Formats.Sum(f => f.Qty * (f.Name == "Vinyl" ? 230 : 85)),
        Identifiers = Identifiers(r),
    };

    private static List<WireIdentifier> Identifiers(GeneratedRelease r)
    {
        var identifiers = new List<WireIdentifier>();
        if (r.Barcode is { } barcode)
        {
            identifiers.Add(new("Barcode", barcode, null));
        }

        if (r.Labels is [var label, ..] && label.Catno != "none")
        {
            identifiers.Add(new("Matrix / Runout", $"{label.Catno}-A", "Side A Runout Etching"));
            identifiers.Add(new("Matrix / Runout", $"{label.Catno}-B", "Side B Runout Etching"));
        }

        return identifiers;
    }

    public static WireSearchResult Search(GeneratedRelease r, SimulatorLinks links) => new()
    {
        Id = r.Id,
        Type = "release",
        Title = $"{r.ArtistLine} - {r.Title}",
        Thumb = r.ImageCount == 0 ? "" : links.Image(r.Id, 1, small: true),
        CoverImage = r.ImageCount == 0 ? "" : links.Image(r.Id, 1, small: false),
        Uri = $"/release/{r.Id}-{Slug(r.ArtistLine + " " + r.Title)}",
        ResourceUrl = links.Release(r.Id),
        Country = r.Country,
        Year = r.Year == 0 ? null : r.Year.ToString(CultureInfo.InvariantCulture),
        Format = [.. r.Formats.SelectMany(f => new[] { f.Name }.Concat(f.Descriptions))],
        Label = r.Labels?.Select(l => l.Name).ToList(),
        Genre = r.Genres,
        Style = r.Styles,
        Catno = r.Labels is [var first, ..] ? first.Catno : null,
        Barcode = r.Barcode is { } barcode ? [barcode] : [],
        MasterId = r.MasterId,
        MasterUrl = r.MasterId == 0 ? null : $"{links.ApiBase}/masters/{r.MasterId}",
        Community = new WireSearchCommunity(r.Want, r.Have),
    };

    public static WireSearchResult SearchArtist(GeneratedArtist a, SimulatorLinks links) => new()
    {
        Id = a.Id,
        Type = "artist",
        Title = a.Name,
        Thumb = "",
        CoverImage = "",
        Uri = $"/artist/{a.Id}-{Slug(a.Name)}",
        ResourceUrl = $"{links.ApiBase}/artists/{a.Id}",
    };

    private static WireArtist Artist(GeneratedArtist a, SimulatorLinks links) =>
        new(a.Name, a.Anv, a.Join, a.Role, "", a.Id, $"{links.ApiBase}/artists/{a.Id}");

    private static WireLabel Label(GeneratedLabel l, SimulatorLinks links) =>
        new(l.Name, l.Catno, "1", "Label", l.Id, $"{links.ApiBase}/labels/{l.Id}");

    private static WireFormat Format(GeneratedFormat f) =>
        new(f.Name, f.Qty.ToString(CultureInfo.InvariantCulture), f.Descriptions.Length == 0 ? null : f.Descriptions, f.Text);

    private static WireTrack Track(GeneratedTrack t, SimulatorLinks links) => new(
        t.Position,
        t.Type,
        t.Title,
        t.Duration,
        t.Artists?.Select(a => Artist(a, links)).ToList(),
        t.ExtraArtists?.Select(a => Artist(a, links)).ToList());

    private static WireImage Image(long releaseId, int n, SimulatorLinks links) => new(
        n == 1 ? "primary" : "secondary",
        links.Image(releaseId, n, small: false),
        links.Image(releaseId, n, small: false),
        links.Image(releaseId, n, small: true),
        600,
        600);

    private static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '/' or '&'))
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
