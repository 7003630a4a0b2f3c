using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Tests.Collection;

/// <summary>The cached figures (statistics, sync summary): exact when idle, shared by concurrent callers, at most a second old while a sync writes.</summary>
public sealed class DataVersionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private TestDatabase _database = null!;
    private int _computed;

    public async Task InitializeAsync() =>
        _database = await TestDatabase.StartAsync(services: b => b.Services.AddSingleton<TimeProvider>(_time));

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DataVersion Version => _database.Services.GetRequiredService<DataVersion>();

    [Fact]
    public async Task Without_a_sync_a_figure_is_recomputed_after_every_commit_and_only_then()
    {
        var cache = new VersionedCache<string>(Version);
        Assert.Equal("0", await cache.GetAsync(CountAsync, default));
        Assert.Equal("0", await cache.GetAsync(CountAsync, default));
        await CommitAsync("Sell pile");
        Assert.Equal("1", await cache.GetAsync(CountAsync, default));
        Assert.Equal(2, _computed);
    }

    [Fact]
    public async Task Callers_at_the_same_time_share_one_computation()
    {
        var cache = new VersionedCache<string>(Version);
        var release = new TaskCompletionSource();
        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(async ct => { await release.Task; return await CountAsync(ct); }, default)).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal("0", v));
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task While_a_sync_writes_a_figure_is_kept_for_a_second_then_exact_again_when_it_ends()
    {
        var cache = new VersionedCache<string>(Version);
        var writing = Version.SyncWriting();
        await cache.GetAsync(CountAsync, default);
        await CommitAsync("Sell pile");
        Assert.Equal("0", await cache.GetAsync(CountAsync, default));

        _time.Advance(DataVersion.SyncTolerance);
        Assert.Equal("1", await cache.GetAsync(CountAsync, default));

        await CommitAsync("Keepers");
        writing.Dispose();
        Assert.Equal("2", await cache.GetAsync(CountAsync, default));
        Assert.Equal(3, _computed);
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept()
    {
        var cache = new VersionedCache<string>(Version);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(_ => throw new InvalidOperationException("busy"), default));
        Assert.Equal("0", await cache.GetAsync(CountAsync, default));
    }

    private async Task<string> CountAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _computed);
        await using var db = await _database.Contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Folders.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task CommitAsync(string folder)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.Folders.Add(new() { Id = 100 + await db.Folders.CountAsync(), Name = folder });
        await db.SaveChangesAsync();
    }
}
