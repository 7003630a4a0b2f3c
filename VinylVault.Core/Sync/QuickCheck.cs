using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Sync;

/// <summary>What one quick check found: whether Discogs differs from the database, and the requests it took.</summary>
public sealed record QuickCheckResult(bool Changed, int Requests, string Reason);

/// <summary>
/// Has the collection changed on Discogs since the last sync? Asked in at most two requests: the folder list (a
/// count per folder) and the newest copy of folder 0 (sort=added, sort_order=desc, per_page=1). Any count that
/// differs from the copies in the database, a folder new or renamed, or a newest copy the database lacks is a change.
/// It cannot see what leaves counts and the newest copy alone (a rating, a note, a move between folders that keeps
/// their counts, a copy removed and another added): the scheduled sync finds those.
/// </summary>
internal sealed class QuickCheck(IDiscogsApi api, DiscogsClient client, IDiscogsAccount account, IDbContextFactory<VaultDbContext> contexts)
{
    public async Task<QuickCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        // The account's user name costs nothing; only a token given without one asks Discogs whose it is.
        var requests = account.Username is null ? 1 : 0;
        var username = await client.GetUsernameAsync(cancellationToken);
        requests++;
        var remote = (await api.GetFoldersAsync(username, cancellationToken)).Folders;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Folders.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var counts = await db.Instances.GroupBy(i => i.FolderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var total = counts.Values.Sum();
        foreach (var folder in remote)
        {
            var local = folder.Id == 0 ? total : counts.GetValueOrDefault(folder.Id);
            if (local != folder.Count)
            {
                return new(true, requests, $"folder {folder.Id} holds {folder.Count} on Discogs, {local} here");
            }

            if (folder.Id != 0 && names.GetValueOrDefault(folder.Id) != folder.Name)
            {
                return new(true, requests, $"folder {folder.Id} is new or renamed");
            }
        }

        if (total == 0)
        {
            return new(false, requests, "both empty");
        }

        requests++;
        var newest = await api.GetCollectionPageAsync(username, 0, new CollectionPageQuery(1, PerPage: 1), cancellationToken);
        if (newest.Releases is [var item, ..] && !await db.Instances.AnyAsync(i => i.InstanceId == item.InstanceId, cancellationToken))
        {
            return new(true, requests, $"the newest copy ({item.InstanceId}) is not here");
        }

        return new(false, requests, "unchanged");
    }
}
