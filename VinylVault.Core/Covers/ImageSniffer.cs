using System.Buffers.Binary;

namespace VinylVault.Core.Covers;

/// <summary>
/// Decides from the bytes alone whether a body is a JPEG, PNG, WebP or GIF, never from the Content-Type header. The
/// first bytes are not enough (a JPEG header glued on garbage would pass), so each format's frame is checked too:
/// PNG's IHDR and IEND chunks, GIF's trailer, WebP's RIFF size and chunk, and JPEG's segments up to the scan and
/// its end marker.
/// </summary>
public static class ImageSniffer
{
    public static string? ContentType(ReadOnlySpan<byte> data) =>
        IsPng(data) ? "image/png"
        : IsJpeg(data) ? "image/jpeg"
        : IsGif(data) ? "image/gif"
        : IsWebP(data) ? "image/webp"
        : null;

    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        _ => ".webp",
    };

    private static bool IsPng(ReadOnlySpan<byte> d) =>
        d.Length >= 45
        && d[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        && d.Slice(12, 4).SequenceEqual("IHDR"u8)
        && d.Slice(d.Length - 8, 4).SequenceEqual("IEND"u8);

    private static bool IsGif(ReadOnlySpan<byte> d) =>
        d.Length >= 14 && (d[..6].SequenceEqual("GIF87a"u8) || d[..6].SequenceEqual("GIF89a"u8)) && d[^1] == 0x3B;

    private static bool IsWebP(ReadOnlySpan<byte> d) =>
        d.Length >= 20
        && d[..4].SequenceEqual("RIFF"u8)
        && d.Slice(8, 4).SequenceEqual("WEBP"u8)
        && BinaryPrimitives.ReadUInt32LittleEndian(d.Slice(4, 4)) == d.Length - 8
        && (d.Slice(12, 4).SequenceEqual("VP8 "u8) || d.Slice(12, 4).SequenceEqual("VP8L"u8) || d.Slice(12, 4).SequenceEqual("VP8X"u8));

    private static bool IsJpeg(ReadOnlySpan<byte> d)
    {
        if (d.Length < 8 || d[0] != 0xFF || d[1] != 0xD8 || d[^2] != 0xFF || d[^1] != 0xD9)
        {
            return false;
        }

        // Marker segments (FF xx, then a big-endian length that counts itself) must chain up to a start of scan.
        var at = 2;
        var sawFrame = false;
        while (at + 4 <= d.Length)
        {
            if (d[at] != 0xFF)
            {
                return false;
            }

            var marker = d[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(d.Slice(at + 2, 2));
            if (length < 2 || at + 2 + length > d.Length || marker is 0x00 or 0xD8 or 0xD9 or (>= 0xD0 and <= 0xD7) or 0x01)
            {
                return false;
            }

            if (marker == 0xDA)
            {
                return sawFrame;
            }

            // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC): a frame header must come before the scan.
            sawFrame |= marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            at += 2 + length;
        }

        return false;
    }
}
