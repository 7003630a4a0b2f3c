using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>
/// The owner's collection as the simulated Discogs holds it: starts as the seed's generated collection, then changes
/// when a test adds, removes, re-rates, moves or annotates copies. Readers get immutable snapshots.
/// </summary>
public sealed class SimulatedCollection
{
    private readonly Lock _gate = new();
    private readonly ReleaseCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly List<SimulatedFolder> _folders;
    private readonly Dictionary<long, SimulatedItem> _items;
    private readonly Dictionary<(int Folder, string Sort, bool Descending), SimulatedItem[]> _views = [];
    private SimulatedItem[] _snapshot;
    private long _lastInstanceId;

    internal SimulatedCollection(ReleaseCatalog catalog, TimeProvider time, int size, int wants)
    {
        _catalog = catalog;
        _time = time;
        _folders = CollectionSeeder.Folders();
        var items = CollectionSeeder.Items(catalog, size);
        _items = items.ToDictionary(i => i.InstanceId);
        _snapshot = [.. items];
        _lastInstanceId = items.Count == 0 ? CollectionSeeder.FirstInstanceId : items[^1].InstanceId;
        Wantlist = new SimulatedWantlist(catalog, time, CollectionSeeder.Wants(catalog, CollectionSeeder.DistinctReleases(size), wants));
    }

    /// <summary>Every copy, ordered by instance id.</summary>
    public IReadOnlyList<SimulatedItem> Items => Volatile.Read(ref _snapshot);

    public int Count => Items.Count;

    public IReadOnlyList<SimulatedFolder> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _folders];
            }
        }
    }

    /// <summary>The wantlist, which PUT, POST and DELETE on /users/{u}/wants/{id} change.</summary>
    public SimulatedWantlist Wantlist { get; }

    public IReadOnlyList<SimulatedWant> Wants => Wantlist.Items;

    /// <summary>Distinct release ids: what a sync has to fetch details for.</summary>
    public IReadOnlyList<long> ReleaseIds => [.. Items.Select(i => i.ReleaseId).Distinct().Order()];

    public SimulatedItem this[long instanceId]
    {
        get
        {
            lock (_gate)
            {
                return _items.TryGetValue(instanceId, out var item) ? item : throw new KeyNotFoundException($"No copy with instance id {instanceId}.");
            }
        }
    }

    /// <summary>Copies in a folder; folder 0 is "All".</summary>
    public int CountIn(int folderId) => folderId == 0 ? Count : Items.Count(i => i.FolderId == folderId);

    /// <summary>Adds <paramref name="count"/> releases new to the collection (and to the simulated database), dated now.</summary>
    public IReadOnlyList<SimulatedItem> AddItems(int count, int folderId = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = _catalog.Grow(count);
        return Change(() =>
        {
            RequireFolder(folderId);
            return Enumerable.Range(first, count).Select(index => Add(index, folderId, secondCopy: false)).ToList();
        });
    }

    /// <summary>Another copy of a release the catalog knows (owned already or not), as a new instance.</summary>
    /// <remarks>A copy added through the API starts as Discogs starts one: unrated, without field values.</remarks>
    public SimulatedItem AddCopy(long releaseId, int folderId, bool blank) =>
        blank ? Update(AddCopy(releaseId, folderId).InstanceId, item => item with { Rating = 0, Notes = [] }) : AddCopy(releaseId, folderId);

    public SimulatedItem AddCopy(long releaseId, int folderId = 1)
    {
        if (!_catalog.TryGetIndex(releaseId, out var index))
        {
            throw new ArgumentException($"Release {releaseId} is not in the simulated catalog.", nameof(releaseId));
        }

        return Change(() =>
        {
            RequireFolder(folderId);
            return Add(index, folderId, secondCopy: _items.Values.Any(i => i.ReleaseId == releaseId));
        });
    }

    public bool Remove(long instanceId) => Change(() => _items.Remove(instanceId));

    public int Remove(IEnumerable<long> instanceIds) => Change(() => instanceIds.Count(_items.Remove));

    public SimulatedItem Rate(long instanceId, int rating)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rating);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        return Update(instanceId, item => item with { Rating = rating });
    }

    public SimulatedItem Move(long instanceId, int folderId) => Update(instanceId, item =>
    {
        RequireFolder(folderId);
        return item with { FolderId = folderId };
    });

    /// <summary>Sets (or with null, clears) one custom field of a copy.</summary>
    public SimulatedItem SetNote(long instanceId, int fieldId, string? value) => Update(instanceId, item =>
    {
        var notes = item.Notes.Where(n => n.FieldId != fieldId).ToList();
        if (value is not null)
        {
            notes.Add(new SimulatedNote(fieldId, value));
        }

        return item with { Notes = [.. notes.OrderBy(n => n.FieldId)] };
    });

    public SimulatedFolder AddFolder(string name) => Change(() =>
    {
        var folder = new SimulatedFolder(_folders.Max(f => f.Id) + 1, name);
        _folders.Add(folder);
        return folder;
    });

    public SimulatedFolder RenameFolder(int folderId, string name) => Change(() =>
    {
        var index = _folders.FindIndex(f => f.Id == folderId);
        return index < 0 ? throw new KeyNotFoundException($"No folder {folderId}.") : _folders[index] = _folders[index] with { Name = name };
    });

    public bool RemoveFolder(int folderId) => Change(() => _folders.RemoveAll(f => f.Id == folderId) > 0);

    /// <summary>Every copy of one release, by instance id (GET /users/{u}/collection/releases/{id}).</summary>
    public IReadOnlyList<SimulatedItem> CopiesOf(long releaseId) => [.. Items.Where(i => i.ReleaseId == releaseId)];

    /// <summary>The copies of a folder in the order a page request asks for; cached until the next change.</summary>
    internal SimulatedItem[] View(int folderId, string sort, bool descending)
    {
        lock (_gate)
        {
            var key = (folderId, sort, descending);
            if (!_views.TryGetValue(key, out var view))
            {
                var inFolder = _snapshot.Where(i => folderId == 0 || i.FolderId == folderId);
                view = [.. SimulatedSort.Apply(inFolder, sort, descending, _catalog)];
                _views[key] = view;
            }

            return view;
        }
    }

    internal bool HasFolder(int folderId)
    {
        lock (_gate)
        {
            return folderId == 0 || _folders.Exists(f => f.Id == folderId);
        }
    }

    private SimulatedItem Add(int releaseIndex, int folderId, bool secondCopy)
    {
        _lastInstanceId += 1 + (_lastInstanceId % 7);
        var item = CollectionSeeder.NewItem(_catalog, _lastInstanceId, releaseIndex, _time.GetUtcNow(), secondCopy) with { FolderId = folderId };
        _items.Add(item.InstanceId, item);
        return item;
    }

    private SimulatedItem Update(long instanceId, Func<SimulatedItem, SimulatedItem> change) => Change(() =>
    {
        if (!_items.TryGetValue(instanceId, out var item))
        {
            throw new KeyNotFoundException($"No copy with instance id {instanceId} in the simulated collection.");
        }

        return _items[instanceId] = change(item);
    });

    private void RequireFolder(int folderId)
    {
        if (folderId == 0 || !_folders.Exists(f => f.Id == folderId))
        {
            throw new ArgumentException($"Folder {folderId} does not exist (or is the virtual 'All' folder).", nameof(folderId));
        }
    }

    private T Change<T>(Func<T> change)
    {
        lock (_gate)
        {
            var result = change();
            _views.Clear();
            Volatile.Write(ref _snapshot, [.. _items.Values.OrderBy(i => i.InstanceId)]);
            return result;
        }
    }
}
