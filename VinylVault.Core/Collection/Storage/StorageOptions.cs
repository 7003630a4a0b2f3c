using System.ComponentModel.DataAnnotations;

namespace VinylVault.Core.Collection.Storage;

/// <summary>The "Storage" configuration section (docs/design.md). Defaults here, overridden by configuration.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DatabaseFileName = "vinylvault.db";

    /// <summary>Holds the SQLite file, keys and the image cache; relative paths are under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>SQLite page cache per connection. 8 MB keeps a 10,000-release collection's indexes in memory on a Pi.</summary>
    [Range(256, 1_048_576)]
    public int CacheSizeKb { get; set; } = 8192;

    /// <summary>How long a writer waits for another writer's lock before SQLite reports "database is locked".</summary>
    [Range(0, 600_000)]
    public int BusyTimeoutMs { get; set; } = 5000;
}
