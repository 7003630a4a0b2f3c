using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Support;

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

    /// <summary>
    /// Starts storage on a new temp directory (or <paramref name="directory"/>); <paramref name="services"/> adds what a
    /// test needs beside it, before storage, and <paramref name="afterStorage"/> what Program.cs adds after it (a
    /// hosted service that reads the database starts once it is migrated).
    /// </summary>
    public static async Task<TestDatabase> StartAsync(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null,
        Action<HostApplicationBuilder>? services = null, string? directory = null, Action<HostApplicationBuilder>? afterStorage = null)
    {
        directory ??= TempDataDirectory.Create("db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        services?.Invoke(builder);
        builder.AddStorage();
        afterStorage?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new TestDatabase(host, directory);
    }

    public VaultDbContext CreateContext() => Contexts.CreateDbContext();

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
        TempDataDirectory.Delete(Directory);
    }
}
