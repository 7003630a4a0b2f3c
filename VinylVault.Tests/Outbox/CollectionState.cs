using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Tests.Outbox;

/// <summary>What an edit can change (copies with release, folder, rating and fields; folders), one line each, comparable between the database and the simulator.</summary>
public static class CollectionState
{
    public static async Task<List<string>> LocalAsync(IDbContextFactory<VaultDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var copies = await db.Instances.AsNoTracking().Include(i => i.Notes).OrderBy(i => i.InstanceId).ToListAsync();
        var folders = await db.Folders.AsNoTracking().Where(f => f.Id != 0).OrderBy(f => f.Id).ToListAsync();
        return
        [
            .. copies.Select(c => Copy(c.InstanceId, c.ReleaseId, c.FolderId, c.Rating, c.Notes.Select(n => (n.FieldId, n.Value)))),
            .. folders.Select(f => Folder(f.Id, f.Name)),
        ];
    }

    public static List<string> Of(DiscogsSimulator simulator) =>
    [
        .. simulator.Collection.Items.OrderBy(i => i.InstanceId).Select(i => Copy(i.InstanceId, i.ReleaseId, i.FolderId, i.Rating, i.Notes.Select(n => (n.FieldId, n.Value)))),
        .. simulator.Collection.Folders.OrderBy(f => f.Id).Select(f => Folder(f.Id, f.Name)),
    ];

    private static string Copy(long instance, long release, int folder, int rating, IEnumerable<(int FieldId, string Value)> notes) =>
        string.Create(CultureInfo.InvariantCulture, $"copy {instance} release {release} folder {folder} rating {rating} {string.Join(";", notes.OrderBy(n => n.FieldId).Select(n => $"{n.FieldId}={n.Value}"))}");

    private static string Folder(int id, string name) => string.Create(CultureInfo.InvariantCulture, $"folder {id} {name}");
}
