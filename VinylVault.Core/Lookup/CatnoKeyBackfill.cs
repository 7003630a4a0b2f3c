using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Lookup;

/// <summary>
/// Gives the catalogue numbers written before lookup keys existed their key, once, at start-up (after the migration):
/// the sync rewrites a release's labels only when its page data changes, so without this an upgraded collection
/// would not be found by catalogue number until then. Nothing to do on every later start.
/// </summary>
internal sealed class CatnoKeyBackfill(IDbContextFactory<VaultDbContext> contexts, ILogger<CatnoKeyBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var catnos = await db.ReleaseLabels.Where(l => l.Catno != null && l.CatnoKey == null).Select(l => l.Catno!).Distinct().ToListAsync(cancellationToken);
        // "none" and the like have no key, and stay without one.
        var keyed = catnos.Select(c => (Catno: c, Key: LookupKeys.Catno(c))).Where(c => c.Key is not null).ToList();
        if (keyed.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (catno, key) in keyed)
        {
            await db.ReleaseLabels.Where(l => l.Catno == catno && l.CatnoKey == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.CatnoKey, key), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Catalogue numbers indexed for lookup: {Count}", keyed.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
