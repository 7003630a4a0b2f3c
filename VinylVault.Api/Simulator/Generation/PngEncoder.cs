using System.Buffers.Binary;
using System.IO.Compression;

namespace VinylVault.Api.Simulator.Generation;

/// <summary>
/// The smallest PNG writer that makes real files: 8-bit RGB, every row with the "Sub" filter (the drawings are
/// gradients and flat shapes, which that filter turns into runs that deflate well), one IDAT chunk.
/// </summary>
internal static class PngEncoder
{
    private static readonly uint[] CrcTable = MakeCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgb)
    {
        var filtered = new byte[height * (width * 3 + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1);
            filtered[row] = 1; // Sub: each byte minus the same channel of the pixel to its left
            for (var x = 0; x < width * 3; x++)
            {
                var left = x >= 3 ? rgb[y * width * 3 + x - 3] : 0;
                filtered[row + 1 + x] = (byte)(rgb[y * width * 3 + x] - left);
            }
        }

        using var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(filtered);
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2); // 8 bits per channel, RGB; compression, filter and interlace 0
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, idat.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = Crc(0xFFFFFFFF, type);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(crc, data) ^ 0xFFFFFFFF);
        png.Write(number);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
