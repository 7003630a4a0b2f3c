using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Collection.Storage;

/// <summary>Where the database file lives, resolved once against the content root; the directory is created (owner-only) here.</summary>
public sealed class VaultDatabase
{
    public VaultDatabase(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        DataDirectory = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        OwnerOnlyFiles.Secure(DataDirectory);
        FilePath = Path.Combine(DataDirectory, StorageOptions.DatabaseFileName);
        ConnectionString = ForFile(FilePath);
    }

    public string DataDirectory { get; }
    public string FilePath { get; }
    public string ConnectionString { get; }

    public static string ForFile(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();
}
