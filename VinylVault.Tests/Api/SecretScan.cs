using System.Text;

namespace VinylVault.Tests.Api;

public static class SecretScan
{
    /// <summary>The bytes of a file the app still has open (SQLite, its WAL), read as Latin-1 so any ASCII secret shows.</summary>
    public static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return Encoding.Latin1.GetString(buffer.ToArray());
    }
}
