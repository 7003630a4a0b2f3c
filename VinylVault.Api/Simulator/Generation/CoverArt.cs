using System.Globalization;
using System.Security;
using System.Text;

namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// Cover images drawn as SVG from the release itself (colours and shapes from its id, its artist and title as text),
/// so the dashboard shows a believable grid of covers with no network and no image files.
/// </summary>
internal static class CoverArt
{
    public static string Svg(GeneratedRelease release, int imageNumber, bool thumbnail)
    {
        var rng = SeededRandom.For((int)(release.Id % int.MaxValue), imageNumber, salt: 31);
        var (back, front, accent) = (rng.Pick(Vocabulary.Palette), rng.Pick(Vocabulary.Palette), rng.Pick(Vocabulary.Palette));
        var size = thumbnail ? 150 : 600;
        var svg = new StringBuilder(2048);
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 600 600">"""));
        svg.Append(Invariant($"""<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{back}"/><stop offset="1" stop-color="{front}"/></linearGradient></defs>"""));
        svg.Append("""<rect width="600" height="600" fill="url(#g)"/>""");

        if (imageNumber > 1)
        {
            // Secondary images are the record itself: a disc with its centre label.
            svg.Append("""<circle cx="300" cy="300" r="270" fill="#111"/>""");
            for (var r = 250; r > 120; r -= 14)
            {
                svg.Append(Invariant($"""<circle cx="300" cy="300" r="{r}" fill="none" stroke="#2a2a2a" stroke-width="2"/>"""));
            }

            svg.Append(Invariant($"""<circle cx="300" cy="300" r="100" fill="{accent}"/><circle cx="300" cy="300" r="8" fill="#eee"/>"""));
        }
        else
        {
            Shapes(svg, ref rng, accent);
        }

        if (!thumbnail)
        {
            svg.Append(Invariant($"""<text x="40" y="80" font-family="Helvetica, Arial, sans-serif" font-size="34" font-weight="bold" fill="#fff">{Text(release.ArtistLine)}</text>"""));
            svg.Append(Invariant($"""<text x="40" y="560" font-family="Georgia, serif" font-size="30" fill="#fff">{Text(release.Title)}</text>"""));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Shapes(StringBuilder svg, ref SeededRandom rng, string accent)
    {
        switch (rng.Next(3))
        {
            case 0:
                for (var i = 0; i < 5; i++)
                {
                    svg.Append(Invariant($"""<circle cx="{rng.Between(100, 500)}" cy="{rng.Between(150, 450)}" r="{rng.Between(30, 160)}" fill="{accent}" fill-opacity="0.{rng.Between(25, 70)}"/>"""));
                }

                break;
            case 1:
                for (var y = 120; y < 480; y += 40)
                {
                    svg.Append(Invariant($"""<rect x="0" y="{y}" width="600" height="{rng.Between(6, 24)}" fill="{accent}" fill-opacity="0.6"/>"""));
                }

                break;
            default:
                svg.Append(Invariant($"""<polygon points="300,{rng.Between(110, 170)} {rng.Between(460, 540)},470 {rng.Between(60, 140)},470" fill="{accent}" fill-opacity="0.75"/>"""));
                break;
        }
    }

    private static string Text(string text) => SecurityElement.Escape(text.Length > 30 ? text[..29] + "…" : text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
