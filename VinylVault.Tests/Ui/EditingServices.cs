using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Outbox;
using VinylVault.Core.Telemetry;
using VinylVault.Tests.Collection;

namespace VinylVault.Tests.Ui;

/// <summary>
/// The real editor and outbox on a real SQLite file, for components that edit. Without an account every edit stays
/// pending in the outbox; with an unreachable Discogs the sender tries the real client stack and waits, offline.
/// </summary>
internal sealed class EditingServices : IAsyncDisposable
{
    private EditingServices(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public CollectionEditor Editor => Database.Services.GetRequiredService<CollectionEditor>();

    /// <summary>Storage with Discogs' two fixed folders and <paramref name="folders"/> of the owner's own.</summary>
    public static Task<EditingServices> StartAsync(params (int Id, string Name)[] folders) => StartAsync(unreachable: false, folders);

    /// <summary>The same with an account whose Discogs refuses connections (a closed port on this machine), retried at once, no backoff to wait out.</summary>
    public static Task<EditingServices> OfflineAsync(params (int Id, string Name)[] folders) => StartAsync(unreachable: true, folders);

    private static async Task<EditingServices> StartAsync(bool unreachable, (int Id, string Name)[] folders)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discogs:BaseUrl"] = "http://127.0.0.1:9/", ["Discogs:Username"] = "alice", ["Discogs:Token"] = "unused-token",
            ["Discogs:MaxRetries"] = "0", ["Outbox:MaxBackoffSeconds"] = "1",
        };
        var database = await TestDatabase.StartAsync(unreachable ? settings : null, services: builder =>
        {
            if (unreachable)
            {
                builder.AddDiscogs();
            }
            else
            {
                builder.Services.AddSingleton<IDiscogsAccount>(new NoAccount());
                builder.Services.AddMetrics();
                builder.Services.AddSingleton<VaultMetrics>();
            }
        }, afterStorage: builder => builder.AddOutbox());
        await using var db = database.CreateContext();
        db.Folders.AddRange([.. new[] { (0, "All"), (1, "Uncategorized") }.Concat(folders).Select(f => new Folder { Id = f.Item1, Name = f.Item2 })]);
        await db.SaveChangesAsync();
        return new EditingServices(database);
    }

    /// <summary>A release with <paramref name="copies"/> copies that Discogs has already (nothing pending).</summary>
    public async Task OwnAsync(long releaseId, int copies)
    {
        await using var db = Database.CreateContext();
        db.Releases.Add(new Release { Id = releaseId, Title = $"Release {releaseId}", TitleSort = $"release {releaseId}", SearchText = $"release {releaseId}" });
        db.Instances.AddRange(Enumerable.Range(1, copies).Select(i => new CollectionInstance
        {
            InstanceId = releaseId * 10 + i, ReleaseId = releaseId, FolderId = 1, DateAdded = new DateTime(2024, 5, i, 0, 0, 0, DateTimeKind.Utc),
        }));
        await db.SaveChangesAsync();
    }

    public void AddTo(BunitContext ctx)
    {
        ctx.Services.AddSingleton(Editor);
        ctx.Services.AddSingleton(Database.Services.GetRequiredService<OutboxSender>());
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class NoAccount : IDiscogsAccount
    {
        public Uri BaseAddress { get; } = new("https://api.discogs.test/");
        public string? Username => null;
        public string? Token => null;
    }
}
