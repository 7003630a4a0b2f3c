using System.Text.Json;
using System.Text.Json.Serialization;

namespace VinylVault.Core.Backups;

/// <summary>One file in an archive, with the SHA-256 (lower-case hex) of its bytes.</summary>
public sealed record BackupPart(string Path, long Size, string Sha256);

/// <summary>
/// manifest.json, the last entry of every archive: what made it, the schema it holds, what it counts, and a checksum
/// for every other entry. A restore refuses an archive whose entries and manifest disagree in any way.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion, string AppVersion, string SchemaMigration, DateTime CreatedAt, int Releases, int Copies, int? Wants,
    IReadOnlyList<BackupPart> Parts)
{
    public const string EntryName = "manifest.json";
    public const string DatabaseEntry = "vinylvault.db";
    public const string KeysFolder = "keys/";
    public const string CoversFolder = "covers/";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string AppVersionNow => typeof(BackupManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Null when the bytes are not a manifest of a known format.</summary>
    public static BackupManifest? Parse(Stream stream)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json);
            return manifest is { FormatVersion: CurrentFormat, SchemaMigration.Length: > 0, Parts: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
