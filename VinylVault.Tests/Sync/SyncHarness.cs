using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Sync;

/// <summary>A simulator on a real socket, and the real sync stack in a host with its own SQLite file in a temp directory.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly bool _ownsServer;

    private SyncHarness(SimulatorServer server, bool ownsServer, string dataDirectory, IDictionary<string, string?>? settings)
    {
        Server = server;
        _ownsServer = ownsServer;
        DataDirectory = dataDirectory;
        Host = SyncHost.Build(dataDirectory, server.BaseUrl, server.Username, server.Token, settings);
    }

    public SimulatorServer Server { get; }
    public DiscogsSimulator Simulator => Server.Simulator;
    public string DataDirectory { get; }
    public IHost Host { get; private set; }
    public SyncWorker Worker => Host.Services.GetRequiredService<SyncWorker>();
    public CollectionQueries Queries => Host.Services.GetRequiredService<CollectionQueries>();
    public IDbContextFactory<VaultDbContext> Contexts => Host.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();

    /// <summary>A simulator with <paramref name="items"/> copies at the time-scaled limit, and a started host.</summary>
    public static async Task<SyncHarness> StartAsync(int items, IDictionary<string, string?>? settings = null, Action<DiscogsSimulatorOptions>? simulator = null)
    {
        var server = await SimulatorServer.StartAsync(options =>
        {
            options.CollectionSize = items;
            options.RateLimit = SyncHost.Limit;
            options.RateLimitWindowSeconds = SyncHost.Window.TotalSeconds;
            simulator?.Invoke(options);
        });
        return await StartAsync(server, ownsServer: true, NewDataDirectory(), settings);
    }

    /// <summary>Another host (and database) against the same simulator, or the same database when a directory is given.</summary>
    public static async Task<SyncHarness> StartAsync(SimulatorServer server, bool ownsServer, string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        var harness = new SyncHarness(server, ownsServer, dataDirectory, settings);
        await harness.Host.StartAsync();
        return harness;
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "vinylvault-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Starts a run and waits for it to end; returns its record.</summary>
    public async Task<SyncRunView> SyncAsync(bool forceFull = false, TimeSpan? timeout = null)
    {
        Assert.Equal(SyncStartResult.Started, Worker.TryStart(forceFull));
        await Worker.WhenIdleAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return (await Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
