using System.Globalization;

namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// Cover images drawn as PNG from the release itself (colours and shapes from its id), so the dashboard shows a
/// believable grid of covers with no network and no image files. PNG, not SVG: the cover cache keeps only raster
/// images checked by their bytes, and the demo goes through exactly the path real Discogs covers take.
/// </summary>
internal static class CoverArt
{
    public const int CoverSize = 600;
    public const int ThumbSize = 150;

    public static byte[] Png(GeneratedRelease release, int imageNumber, bool thumbnail)
    {
        var rng = SeededRandom.For((int)(release.Id % int.MaxValue), imageNumber, salt: 31);
        var (back, front, accent) = (Rgb(rng.Pick(Vocabulary.Palette)), Rgb(rng.Pick(Vocabulary.Palette)), Rgb(rng.Pick(Vocabulary.Palette)));
        var size = thumbnail ? ThumbSize : CoverSize;
        var canvas = new Canvas(size);
        canvas.Gradient(back, front);
        if (imageNumber > 1)
        {
            // Secondary images are the record itself: a disc with its grooves and centre label.
            canvas.Circle(300, 300, 270, (17, 17, 17), 1);
            for (var r = 250; r > 120; r -= 14)
            {
                canvas.Ring(300, 300, r, 2, (42, 42, 42));
            }

            canvas.Circle(300, 300, 100, accent, 1);
            canvas.Circle(300, 300, 8, (238, 238, 238), 1);
        }
        else
        {
            Shapes(canvas, ref rng, accent);
        }

        return PngEncoder.Encode(size, size, canvas.Pixels);
    }

    private static void Shapes(Canvas canvas, ref SeededRandom rng, (byte, byte, byte) accent)
    {
        switch (rng.Next(3))
        {
            case 0:
                for (var i = 0; i < 5; i++)
                {
                    canvas.Circle(rng.Between(100, 500), rng.Between(150, 450), rng.Between(30, 160), accent, rng.Between(25, 70) / 100.0);
                }

                break;
            case 1:
                for (var y = 120; y < 480; y += 40)
                {
                    canvas.Band(y, rng.Between(6, 24), accent, 0.6);
                }

                break;
            default:
                canvas.Triangle((300, rng.Between(110, 170)), (rng.Between(460, 540), 470), (rng.Between(60, 140), 470), accent, 0.75);
                break;
        }
    }

    private static (byte, byte, byte) Rgb(string hex) =>
        (byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>RGB pixels; shapes are given on a 600×600 board and scaled to the canvas.</summary>
    private sealed class Canvas(int size)
    {
        private readonly double _scale = size / 600.0;

        public byte[] Pixels { get; } = new byte[size * size * 3];

        // One colour per diagonal (x + y), computed once: the drawing is made for every image the host serves.
        public void Gradient((byte R, byte G, byte B) from, (byte R, byte G, byte B) to)
        {
            var diagonal = new (byte R, byte G, byte B)[2 * size - 1];
            for (var d = 0; d < diagonal.Length; d++)
            {
                var t = d / (2.0 * (size - 1));
                diagonal[d] = (Mix(from.R, to.R, t), Mix(from.G, to.G, t), Mix(from.B, to.B, t));
            }

            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var (at, colour) = ((y * size + x) * 3, diagonal[x + y]);
                    (Pixels[at], Pixels[at + 1], Pixels[at + 2]) = colour;
                }
            }
        }

        public void Circle(int cx, int cy, int r, (byte, byte, byte) colour, double alpha) =>
            Fill((cx - r, cy - r, cx + r, cy + r), (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r, colour, alpha);

        public void Ring(int cx, int cy, int r, int width, (byte, byte, byte) colour)
        {
            var (inner, outer) = ((r - width / 2.0) * (r - width / 2.0), (r + width / 2.0) * (r + width / 2.0));
            Fill((cx - r - width, cy - r - width, cx + r + width, cy + r + width),
                (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) is var d && d >= inner && d <= outer, colour, 1);
        }

        public void Band(int top, int height, (byte, byte, byte) colour, double alpha) =>
            Fill((0, top, 600, top + height), (_, y) => y >= top && y < top + height, colour, alpha);

        public void Triangle((int X, int Y) a, (int X, int Y) b, (int X, int Y) c, (byte, byte, byte) colour, double alpha) =>
            Fill((Math.Min(a.X, Math.Min(b.X, c.X)), Math.Min(a.Y, Math.Min(b.Y, c.Y)), Math.Max(a.X, Math.Max(b.X, c.X)), Math.Max(a.Y, Math.Max(b.Y, c.Y))),
                (x, y) =>
                {
                    var (d1, d2, d3) = (Side(x, y, a, b), Side(x, y, b, c), Side(x, y, c, a));
                    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
                }, colour, alpha);

        private static double Side(double x, double y, (int X, int Y) p, (int X, int Y) q) => (x - q.X) * (p.Y - q.Y) - (p.X - q.X) * (y - q.Y);

        // Only the pixels of the shape's bounding box (given on the board) are tested.
        private void Fill((int Left, int Top, int Right, int Bottom) box, Func<double, double, bool> inside, (byte, byte, byte) colour, double alpha)
        {
            var (top, bottom) = (Math.Max(0, (int)(box.Top * _scale) - 1), Math.Min(size, (int)(box.Bottom * _scale) + 2));
            var (left, right) = (Math.Max(0, (int)(box.Left * _scale) - 1), Math.Min(size, (int)(box.Right * _scale) + 2));
            for (var y = top; y < bottom; y++)
            {
                for (var x = left; x < right; x++)
                {
                    if (inside((x + 0.5) / _scale, (y + 0.5) / _scale))
                    {
                        Set(x, y, colour, alpha);
                    }
                }
            }
        }

        private void Set(int x, int y, (byte R, byte G, byte B) colour, double alpha)
        {
            var at = (y * size + x) * 3;
            Pixels[at] = Mix(Pixels[at], colour.R, alpha);
            Pixels[at + 1] = Mix(Pixels[at + 1], colour.G, alpha);
            Pixels[at + 2] = Mix(Pixels[at + 2], colour.B, alpha);
        }

        private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);
    }
}
