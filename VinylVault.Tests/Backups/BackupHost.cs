using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Backups;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Collection;

namespace VinylVault.Tests.Backups;

/// <summary>The storage and backup services of the app on a real SQLite file (a <see cref="TestDatabase"/>), on a clock the test may own.</summary>
public sealed class BackupHost : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private BackupHost(TestDatabase database) => _database = database;

    public string DataDirectory => _database.Directory;
    public IServiceProvider Services => _database.Services;
    public string DatabasePath => Path.Combine(DataDirectory, StorageOptions.DatabaseFileName);
    public BackupWriter Writer => Services.GetRequiredService<BackupWriter>();
    public BackupStore Store => Services.GetRequiredService<BackupStore>();
    public BackupRestorer Restorer => Services.GetRequiredService<BackupRestorer>();
    public IDbContextFactory<VaultDbContext> Contexts => _database.Contexts;

    public static async Task<BackupHost> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null, string? dataDirectory = null)
    {
        var all = new Dictionary<string, string?> { ["Backup:IntervalHours"] = "0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new BackupHost(await TestDatabase.StartAsync(all, services: builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            // Before storage, as in Program.cs: a staged restore is applied before the database opens.
            builder.AddBackups();
        }, directory: dataDirectory));
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

    public Task StopAsync() => _database.StopAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
