using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Covers;
using VinylVault.Core.Discogs;
using VinylVault.Core.Images;
using VinylVault.Core.Security;
using VinylVault.Core.Sync;
using VinylVault.Ui.Welcome;
using VinylVault.Api.Simulator;

namespace VinylVault.Api.Demo;

/// <summary>
/// The demo collection: the saved Discogs account points at the simulator mapped on this app under
/// <see cref="Prefix"/>, so the real client stack, limiter and sync run against it. Being the saved account is what
/// makes the choice survive a restart; the limiter counts in the simulator's (shorter) window while it lasts.
/// </summary>
public sealed class DemoMode(
    DiscogsCredentialStore store, SyncWorker worker, DiscogsRateLimiter limiter, DiscogsConnectivity connectivity,
    IOptions<DiscogsOptions> discogs, DiscogsSimulator simulator, DemoAddress address,
    IDbContextFactory<VaultDbContext> contexts, ImageOrigins imageOrigins, CoverThrottle coverThrottle, IOptions<CoverOptions> covers,
    ILogger<DemoMode> logger) : IDemoMode
{
    public const string Prefix = "/demo/discogs";

    public bool IsActive => store.HasAccount && IsSimulator(store.BaseAddress);

    public int CollectionSize => simulator.Collection.Items.Count;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        worker.TryCancel();
        await worker.WhenIdleAsync(cancellationToken);
        if (!IsActive)
        {
            // Whatever a real account brought in stays out of the demo, and the other way round.
            await ForgetCollectionAsync(cancellationToken);
        }

        await store.SaveAsync(simulator.Username, simulator.Token, address.SimulatorBase().ToString(), cancellationToken);
        Apply();
        var started = worker.TryStart(forceFull: false);
        logger.LogInformation("Demo mode on ({Count} records); first sync: {Result}", CollectionSize, started);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        worker.TryCancel();
        await worker.WhenIdleAsync(cancellationToken);
        await store.DeleteAsync(cancellationToken);
        await ForgetCollectionAsync(cancellationToken);
        limiter.UseWindow(discogs.Value.Window);
        imageOrigins.Disallow(ImagePrefix(address.SimulatorBase()));
        coverThrottle.UseWindow(covers.Value.Window);
        connectivity.Reset();
        logger.LogInformation("Demo mode off: the demo collection is removed");
    }

    /// <summary>After a restart: the saved demo account is re-pointed at this run's address (the port may differ).</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            return;
        }

        var current = address.SimulatorBase();
        if (store.BaseAddress != current)
        {
            await store.SaveAsync(simulator.Username, simulator.Token, current.ToString(), cancellationToken);
        }

        Apply();
    }

    private void Apply()
    {
        limiter.UseWindow(simulator.Options.Window);
        // The cover cache may fetch the simulator's images, and nothing else of this app; as fast as its API allows.
        imageOrigins.AllowAlso(ImagePrefix(address.SimulatorBase()));
        coverThrottle.UseWindow(simulator.Options.Window);
        connectivity.Reset();
    }

    private static Uri ImagePrefix(Uri simulatorBase) => new(simulatorBase, "images/");

    private static bool IsSimulator(Uri baseAddress) =>
        baseAddress.IsLoopback && baseAddress.AbsolutePath.TrimEnd('/').Equals(Prefix, StringComparison.OrdinalIgnoreCase);

    private async Task ForgetCollectionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Instances and releases first: their notes, tracks, images and links go with them (cascades).
        await db.Instances.ExecuteDeleteAsync(cancellationToken);
        await db.Releases.ExecuteDeleteAsync(cancellationToken);
        await db.Artists.ExecuteDeleteAsync(cancellationToken);
        await db.Labels.ExecuteDeleteAsync(cancellationToken);
        await db.Folders.ExecuteDeleteAsync(cancellationToken);
        await db.CustomFields.ExecuteDeleteAsync(cancellationToken);
        await db.SyncRuns.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
