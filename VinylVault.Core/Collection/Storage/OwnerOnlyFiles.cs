using System.Runtime.InteropServices;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// The data folder holds the password hash, API key hashes, the encrypted Discogs token and the key ring: only the
/// app's own user may read it. At start-up the process umask becomes 077 (whatever the caller's), so every file
/// created later (the database, -wal, -shm, covers, backups) is 0600 and every folder 0700; the folder and anything
/// already in it are brought to the same modes, for installs from before this rule or files copied in by hand.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // 077 in octal: no permission bit for the group or others on anything this process creates.
    private const uint OwnerOnlyMask = 0x3F;

    /// <summary>Creates <paramref name="folder"/> if needed and makes it, and everything in it, owner-only.</summary>
    public static void Secure(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        SetUmask(OwnerOnlyMask);
        Directory.CreateDirectory(folder, FolderMode);
        File.SetUnixFileMode(folder, FolderMode);
        // Links are left alone: changing a link's target could reach outside the folder.
        var everything = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", everything))
        {
            if ((entry.UnixFileMode & Others) != 0)
            {
                entry.UnixFileMode = entry is DirectoryInfo ? FolderMode : FileMode;
            }
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
}
