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

    public static async Task<TestDatabase> StartAsync(IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var directory = TempDataDirectory.Create("db");
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
        TempDataDirectory.Delete(Directory);
    }
}
