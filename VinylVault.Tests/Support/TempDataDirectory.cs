using Microsoft.Data.Sqlite;

namespace VinylVault.Tests.Support;

/// <summary>
/// A data directory of its own for one test or fixture (database, keys, covers) under the system's temp folder,
/// removed when disposed. Removal is best effort: a file another test still holds is left to the OS.
/// </summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory(string purpose = "data") => Path = Create(purpose);

    public string Path { get; }

    /// <summary>The setting that points the app (or a host) at this directory.</summary>
    public Dictionary<string, string?> Settings => new() { ["Storage:DataDirectory"] = Path };

    public void Dispose() => Delete(Path);

    /// <summary>A new empty directory, for a fixture that removes it with <see cref="Delete"/>.</summary>
    public static string Create(string purpose) => Directory.CreateTempSubdirectory($"vinylvault-{purpose}-").FullName;

    public static void Delete(string path)
    {
        // Pooled SQLite connections keep the database open; closing them lets the directory go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
