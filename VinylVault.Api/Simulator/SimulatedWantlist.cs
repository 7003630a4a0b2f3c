using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>
/// The owner's wantlist as the simulated Discogs holds it: the seed's generated wants, then whatever a client puts,
/// edits or removes. One want per release, listed in the order they were added; readers get immutable snapshots.
/// </summary>
public sealed class SimulatedWantlist
{
    private readonly Lock _gate = new();
    private readonly ReleaseCatalog _catalog;
    private readonly TimeProvider _time;
    private SimulatedWant[] _snapshot;

    internal SimulatedWantlist(ReleaseCatalog catalog, TimeProvider time, IEnumerable<SimulatedWant> wants)
    {
        (_catalog, _time) = (catalog, time);
        _snapshot = [.. wants];
    }

    public IReadOnlyList<SimulatedWant> Items => Volatile.Read(ref _snapshot);

    public SimulatedWant? this[long releaseId] => Items.FirstOrDefault(w => w.ReleaseId == releaseId);

    /// <summary>Adds the release (or, when wanted already, sets its notes and rating): Discogs' PUT. Null when the catalog lacks it.</summary>
    public SimulatedWant? Put(long releaseId, string? notes, int? rating)
    {
        if (!_catalog.TryGetIndex(releaseId, out var index))
        {
            return null;
        }

        return Change(list =>
        {
            var at = list.FindIndex(w => w.ReleaseId == releaseId);
            if (at >= 0)
            {
                return list[at] = list[at] with { Notes = notes ?? list[at].Notes, Rating = rating ?? list[at].Rating };
            }

            var added = new SimulatedWant(releaseId, rating ?? 0, notes ?? "", CollectionSeeder.PacificTime(_time.GetUtcNow())) { ReleaseIndex = index };
            list.Add(added);
            return added;
        });
    }

    /// <summary>Sets the notes and/or rating of a want: Discogs' POST. Null when the release is not wanted.</summary>
    public SimulatedWant? Edit(long releaseId, string? notes, int? rating) => Change(list =>
    {
        var at = list.FindIndex(w => w.ReleaseId == releaseId);
        return at < 0 ? null : list[at] = list[at] with { Notes = notes ?? list[at].Notes, Rating = rating ?? list[at].Rating };
    });

    public bool Remove(long releaseId) => Change(list => list.RemoveAll(w => w.ReleaseId == releaseId) > 0);

    /// <summary>Wants each of these catalog releases (owned or not) that is not wanted yet, dated now.</summary>
    public IReadOnlyList<SimulatedWant> AddFromCatalog(IEnumerable<long> releaseIds) =>
        [.. releaseIds.Select(id => Put(id, null, null)).OfType<SimulatedWant>()];

    private T Change<T>(Func<List<SimulatedWant>, T> change)
    {
        lock (_gate)
        {
            var list = _snapshot.ToList();
            var result = change(list);
            Volatile.Write(ref _snapshot, [.. list]);
            return result;
        }
    }
}
