using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Backups;

/// <summary>A finished archive: <see cref="Sha256"/> is of the whole file, as `sha256sum` prints it.</summary>
public sealed record BackupInfo(string Name, long Size, DateTime CreatedAt, string Sha256);

/// <summary>
/// The backup folder. Only names this app makes ("vinylvault-20260102-030405.zip", with "-2"... for a second one in
/// the same second) are archives: anything else, a half-written ".partial" or a path with "../", is not found.
/// </summary>
public sealed partial class BackupStore
{
    public const string PartialPrefix = ".partial-";
    private const string TimeFormat = "yyyyMMdd-HHmmss";

    public BackupStore(IOptions<BackupOptions> options, VaultDatabase database)
    {
        Directory = Path.GetFullPath(options.Value.Directory, database.DataDirectory);
    }

    public string Directory { get; }

    public static bool IsValidName(string? name) => name is not null && ArchiveName().IsMatch(name);

    /// <summary>The archives, newest first.</summary>
    public IReadOnlyList<BackupInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory, "vinylvault-*.zip")
            .Select(Path.GetFileName)
            .Where(IsValidName)
            .Select(name => Find(name!))
            .OfType<BackupInfo>()
            .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => Sequence(b.Name))];
    }

    /// <summary>The archive of this name, or null when the name is not an archive's or it does not exist.</summary>
    public BackupInfo? Find(string? name)
    {
        if (PathOf(name) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var sidecar = path + ".sha256";
            var sha = File.Exists(sidecar) ? File.ReadAllText(sidecar).Split(' ', 2)[0] : Checksums.OfFile(path);
            return new BackupInfo(name!, new FileInfo(path).Length, CreatedAt(name!), sha);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Pruned by the retention rule (or deleted by the owner) while it was being read: it is gone.
            return null;
        }
    }

    /// <summary>The full path of an archive name, or null for anything that is not one (so never a path outside the folder).</summary>
    public string? PathOf(string? name) => IsValidName(name) ? Path.Combine(Directory, name!) : null;

    public bool Delete(string? name)
    {
        if (PathOf(name) is not { } path || !File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        File.Delete(path + ".sha256");
        return true;
    }

    /// <summary>A name for an archive made at <paramref name="at"/> that no archive has yet.</summary>
    internal string NewName(DateTime at)
    {
        var stem = "vinylvault-" + at.ToString(TimeFormat, CultureInfo.InvariantCulture);
        var name = stem + ".zip";
        for (var n = 2; File.Exists(Path.Combine(Directory, name)); n++)
        {
            name = $"{stem}-{n}.zip";
        }

        return name;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> archives, and what killed backups left behind.</summary>
    internal void Prune(int keep)
    {
        foreach (var old in List().Skip(keep))
        {
            Delete(old.Name);
        }

        foreach (var partial in System.IO.Directory.EnumerateFileSystemEntries(Directory, PartialPrefix + "*"))
        {
            if (System.IO.Directory.Exists(partial))
            {
                System.IO.Directory.Delete(partial, recursive: true);
            }
            else
            {
                File.Delete(partial);
            }
        }

        foreach (var sidecar in System.IO.Directory.EnumerateFiles(Directory, "vinylvault-*.zip.sha256"))
        {
            if (!File.Exists(sidecar[..^".sha256".Length]))
            {
                File.Delete(sidecar);
            }
        }
    }

    private static DateTime CreatedAt(string name) => DateTime.SpecifyKind(
        DateTime.ParseExact(name.AsSpan("vinylvault-".Length, TimeFormat.Length), TimeFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static int Sequence(string name) => ArchiveName().Match(name).Groups[1] is { Success: true } n
        ? int.Parse(n.Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^vinylvault-\d{8}-\d{6}(?:-(\d{1,4}))?\.zip$", RegexOptions.CultureInvariant)]
    private static partial Regex ArchiveName();
}
