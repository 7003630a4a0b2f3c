using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Backups;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Tests.Backups;

/// <summary>The storage and backup services of the app on a real SQLite file in a temp data directory, on a clock the test may own.</summary>
public sealed class BackupHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BackupHost(IHost host, string directory)
    {
        _host = host;
        DataDirectory = directory;
    }

    public string DataDirectory { get; }
    public IServiceProvider Services => _host.Services;
    public string DatabasePath => Path.Combine(DataDirectory, StorageOptions.DatabaseFileName);
    public BackupWriter Writer => Services.GetRequiredService<BackupWriter>();
    public BackupStore Store => Services.GetRequiredService<BackupStore>();
    public BackupRestorer Restorer => Services.GetRequiredService<BackupRestorer>();
    public IDbContextFactory<VaultDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "vinylvault-backup-tests", Guid.NewGuid().ToString("N"));

    public static async Task<BackupHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? NewDataDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory, ["Backup:IntervalHours"] = "0" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddBackups();
        builder.AddStorage();
        var host = builder.Build();
        await host.StartAsync();
        return new BackupHost(host, directory);
    }

    /// <summary>A few rows with awkward text, and a key file where Data Protection keeps its ring.</summary>
    public async Task SeedAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.Folders.Add(new Folder { Id = 1, Name = "Uncategorized ✓, \"quoted\"" });
        db.Releases.Add(new Release { Id = 42, Title = "Södermalm", ArtistDisplay = "Kruder & Dorfmeister" });
        db.Instances.Add(new CollectionInstance { InstanceId = 4201, ReleaseId = 42, FolderId = 1, Rating = 5, DateAdded = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc) });
        await db.SaveChangesAsync();
        var keys = Directory.CreateDirectory(Path.Combine(DataDirectory, "keys"));
        await File.WriteAllTextAsync(Path.Combine(keys.FullName, "key-0f0e0d0c-0000-4000-8000-000000000001.xml"), "<key id=\"test\" />");
    }

    /// <summary>Stops the host and lets go of every connection, as a stopped app does.</summary>
    public async Task StopAsync()
    {
        await _host.StopAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a late reader: the OS cleans the temp directory.
        }
    }
}
