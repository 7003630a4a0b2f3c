using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Security;
using VinylVault.Core.Sync;
using VinylVault.Tests.Api;
using VinylVault.Tests.Browser;
using VinylVault.Tests.Support;
using VinylVault.Ui.Welcome;

namespace VinylVault.Tests.Demo;

/// <summary>The demo mode in the whole app on a real socket: the real client stack calls the simulator mapped on the app itself.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class DemoModeTests : IAsyncLifetime
{
    private const int Records = 40;
    private TempDataDirectory Data { get; } = new("demo");

    [Fact]
    public async Task The_demo_points_the_client_at_the_built_in_simulator_and_its_first_sync_fills_the_collection()
    {
        await using var app = Start();
        var demo = app.Services.GetRequiredService<IDemoMode>();

        await demo.StartAsync(CancellationToken.None);
        await app.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(demo.IsActive);
        var account = app.Services.GetRequiredService<IDiscogsAccount>();
        Assert.Equal(new Uri(app.Address, "demo/discogs/"), account.BaseAddress);
        Assert.Equal(SyncState.Completed, app.Services.GetRequiredService<SyncProgress>().Current.Status);
        var stats = await app.Services.GetRequiredService<CollectionQueries>().GetStatsAsync(CancellationToken.None);
        Assert.Equal(Records, stats.TotalAlbums);
        Assert.Equal(stats.TotalReleases, stats.ReleasesWithDetails);
        Assert.Equal(TimeSpan.FromSeconds(1), app.Services.GetRequiredService<DiscogsRateLimiter>().Window);
    }

    [Fact]
    public async Task After_a_restart_on_another_port_the_demo_is_still_on_and_syncs_without_fetching_again()
    {
        await using (var first = Start())
        {
            await first.Services.GetRequiredService<IDemoMode>().StartAsync(CancellationToken.None);
            await first.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using var second = Start();
        var address = new Uri(second.Address, "demo/discogs/");
        var account = second.Services.GetRequiredService<IDiscogsAccount>();
        await Eventually.TrueAsync(() => account.BaseAddress == address, "the saved demo account follows the new port");

        Assert.True(second.Services.GetRequiredService<IDemoMode>().IsActive);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Services.GetRequiredService<DiscogsRateLimiter>().Window);
        var worker = second.Services.GetRequiredService<SyncWorker>();
        Assert.Equal(SyncStartResult.Started, worker.TryStart(forceFull: false));
        await worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = second.Services.GetRequiredService<SyncProgress>().Current;
        Assert.Equal(SyncState.Completed, status.Status);
        Assert.InRange(status.RequestsMade, 1, 4); // the one collection page and a few fixed calls: nothing fetched twice
    }

    [Fact]
    public async Task Leaving_the_demo_removes_its_records_and_gives_the_limiter_back_its_window()
    {
        await using var app = Start();
        var demo = app.Services.GetRequiredService<IDemoMode>();
        await demo.StartAsync(CancellationToken.None);

        await demo.LeaveAsync(CancellationToken.None);

        Assert.False(demo.IsActive);
        Assert.False(app.Services.GetRequiredService<DiscogsCredentialStore>().HasAccount);
        var queries = app.Services.GetRequiredService<CollectionQueries>();
        Assert.Equal(0, (await queries.GetStatsAsync(CancellationToken.None)).TotalAlbums);
        Assert.Empty(await queries.GetSyncRunsAsync(10, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(60), app.Services.GetRequiredService<DiscogsRateLimiter>().Window);
    }

    private VaultApp Start()
    {
        var app = new VaultApp(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Data.Path,
            ["Demo:Simulator:CollectionSize"] = Records.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Simulator:RateLimitWindowSeconds"] = "1",
        });
        _ = app.Address;
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Data.Dispose();
        return Task.CompletedTask;
    }
}
