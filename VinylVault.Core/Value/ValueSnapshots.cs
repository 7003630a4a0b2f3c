using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Value;

/// <summary>
/// The collection's value over time: at most one GET /users/{u}/collection/value per UTC day, taken when a sync
/// completes (or, on the very first sync, once the collection pass is complete, so the details that follow are asked
/// in a known currency). The day is the UTC date: a Pi's local midnight is not worth a second request.
/// </summary>
public sealed class ValueSnapshots(IDbContextFactory<VaultDbContext> contexts, VaultMetrics metrics, TimeProvider time, ILogger<ValueSnapshots> logger)
{
    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The owner's currency as the last snapshot gave it; null before the first.</summary>
    public async Task<string?> CurrencyAsync(CancellationToken cancellationToken) => (await LatestAsync(cancellationToken))?.Currency;

    public async Task<ValueSnapshot?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ValueSnapshots.AsNoTracking().OrderByDescending(s => s.Day).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ValueSnapshot>> HistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ValueSnapshots.AsNoTracking().OrderBy(s => s.Day).ToListAsync(cancellationToken);
    }

    /// <summary>Puts the last snapshot into the gauges (at start-up; 0 until there is one).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await LatestAsync(cancellationToken) is { } latest)
        {
            metrics.CollectionValue(latest.Minimum, latest.Median, latest.Maximum);
        }
    }

    /// <summary>
    /// Reads and keeps today's value unless today's is kept already (then no request at all). One request through
    /// the caller's client, so it waits in the one rate limiter like the rest of the sync. Null when none was taken.
    /// </summary>
    public async Task<ValueSnapshot?> TakeIfDueAsync(IDiscogsApi api, string username, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DayOf(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ValueSnapshots.AnyAsync(s => s.Day == day, cancellationToken))
        {
            return null;
        }

        var value = await api.GetCollectionValueAsync(username, cancellationToken);
        if (value is not { Minimum: { } min, Median: { } median, Maximum: { } max } || min.Currency != median.Currency || median.Currency != max.Currency)
        {
            logger.LogWarning("Discogs' collection value could not be read as three amounts in one currency; no snapshot kept today");
            return null;
        }

        var snapshot = new ValueSnapshot
        {
            Day = day, At = now.UtcDateTime, Currency = median.Currency, Minimum = min.Amount, Median = median.Amount, Maximum = max.Amount,
        };
        db.ValueSnapshots.Add(snapshot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            // Another caller kept one a moment ago: the unique day holds.
            return null;
        }

        metrics.CollectionValue(snapshot.Minimum, snapshot.Median, snapshot.Maximum);
        logger.LogInformation("Collection value kept for {Day}: median {Median} {Currency}", day, snapshot.Median, snapshot.Currency);
        return snapshot;
    }
}
