using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Value;

namespace VinylVault.Core.Sync;

/// <summary>
/// The details of a release someone opened, asked for ahead of the sync: one request in the limiter's interactive
/// lane, whether or not a sync runs, written the way the sync's detail writer writes them. It also keeps the sync and
/// the opens from fetching a release twice: the sync skips a release fetched (or being fetched) here since its run
/// started, and an open does not ask for a release the running sync has taken.
/// </summary>
public sealed class ReleaseDetailRequests(
    IServiceScopeFactory scopes,
    IDbContextFactory<VaultDbContext> contexts,
    IDiscogsAccount account,
    ValueSnapshots values,
    TimeProvider time,
    ILogger<ReleaseDetailRequests> logger)
{
    // Long enough for the retries of a slow Discogs; a fetch never outlives it.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private readonly Lock _gate = new();
    // Who has a release: an open (done or not; when done) or the running sync (until the run ends or its fetch fails).
    private readonly Dictionary<long, Claim> _claims = [];

    /// <summary>A requested fetch ended (details written, Discogs said 404, or it failed): the release id.</summary>
    public event Action<long>? Finished;

    /// <summary>Whether the details of the release are on their way (an open's fetch, or the sync has taken it).</summary>
    public bool IsFetching(long releaseId)
    {
        lock (_gate)
        {
            return _claims.TryGetValue(releaseId, out var claim) && !claim.Done;
        }
    }

    /// <summary>
    /// Asks for the details of an owned release that has none; returns at once. True when they are on their way
    /// (now or already), false when they cannot be had (no Discogs account, or this release was fetched already).
    /// </summary>
    public bool Request(long releaseId)
    {
        if (account.Token is null)
        {
            return false;
        }

        lock (_gate)
        {
            if (_claims.TryGetValue(releaseId, out var claim))
            {
                return !claim.Done;
            }

            _claims[releaseId] = new Claim(BySync: false, time.GetUtcNow(), Done: false);
        }

        _ = Task.Run(() => FetchAsync(releaseId));
        return true;
    }

    /// <summary>The sync is about to fetch a release: false when an open fetched it since the run started or is fetching it.</summary>
    internal bool ClaimForSync(long releaseId, DateTime runStartedAt)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(releaseId, out var claim) && (!claim.Done || claim.At.UtcDateTime >= runStartedAt))
            {
                return false;
            }

            _claims[releaseId] = new Claim(BySync: true, time.GetUtcNow(), Done: false);
            return true;
        }
    }

    /// <summary>The sync's fetch failed (or the run ended): an open may ask for the release again.</summary>
    internal void ReleaseSyncClaim(long releaseId)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(releaseId, out var claim) && claim.BySync)
            {
                _claims.Remove(releaseId);
            }
        }
    }

    /// <summary>The detail pass ended: what it fetched is written; later opens ask for themselves.</summary>
    internal void EndSync()
    {
        lock (_gate)
        {
            foreach (var id in _claims.Where(c => c.Value.BySync).Select(c => c.Key).ToList())
            {
                _claims.Remove(id);
            }
        }
    }

    private async Task FetchAsync(long releaseId)
    {
        var keep = false;
        try
        {
            using var giveUp = new CancellationTokenSource(GiveUpAfter, time);
            if (await AlreadyFetchedAsync(releaseId, giveUp.Token))
            {
                keep = true;
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var api = scope.ServiceProvider.GetRequiredService<IDiscogsApi>();
            var currency = await values.CurrencyAsync(giveUp.Token);
            DiscogsRelease? release;
            using (DiscogsLane.Interactive())
            {
                try
                {
                    release = await api.GetReleaseAsync(releaseId, currency, giveUp.Token);
                }
                catch (DiscogsNotFoundException)
                {
                    release = null;
                }
            }

            await new DetailWriter(contexts, new SyncCounters(), time).WriteAsync([new DetailResult(releaseId, release, Currency: currency)], giveUp.Token);
            keep = true;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not fetch the details of release {ReleaseId} on demand: {Reason}", releaseId, ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (keep)
                {
                    _claims[releaseId] = new Claim(BySync: false, time.GetUtcNow(), Done: true);
                }
                else
                {
                    _claims.Remove(releaseId);
                }
            }

            Finished?.Invoke(releaseId);
        }
    }

    // Opened a moment after the sync wrote it, or one Discogs does not know: nothing to ask.
    private async Task<bool> AlreadyFetchedAsync(long releaseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Releases.AnyAsync(r => r.Id == releaseId && (r.HasDetails || r.DetailsNotFound), cancellationToken);
    }

    private sealed record Claim(bool BySync, DateTimeOffset At, bool Done);
}
