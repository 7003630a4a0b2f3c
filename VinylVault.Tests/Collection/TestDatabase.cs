using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Tests.Collection;

/// <summary>A real SQLite file in its own temp directory, migrated by the app's own start-up service.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    private TestDatabase(IHost host, string directory)
    {
        _host = host;
        Directory = directory;
    }

    public string Directory { get; }
    public IServiceProvider Services => _host.Services;
    public IDbContextFactory<VaultDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();

    public static async Task<TestDatabase> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vinylvault-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddStorage();
        var host = builder.Build();
        await host.StartAsync();
        return new TestDatabase(host, directory);
    }

    public VaultDbContext CreateContext() => Contexts.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a reader of another test: the temp directory is cleaned by the OS.
        }
    }
}
