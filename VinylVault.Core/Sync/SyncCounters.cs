using System.Collections.Concurrent;

namespace VinylVault.Core.Sync;

/// <summary>The figures of one run, written by every stage at once, read by progress and the run record.</summary>
internal sealed class SyncCounters(Func<int>? requestsSent = null)
{
    private const int MaxErrorsKept = 200;
    private readonly ConcurrentQueue<string> _errors = new();
    private int _pagesRead, _totalPages, _totalItems, _itemsWritten, _added, _updated, _removed, _releasesRemoved;
    private int _detailsTotal, _fetched, _notFound, _errorCount;
    private int _wantPagesRead, _wantPages, _wantsAdded, _wantsUpdated, _wantsRemoved;

    public int PagesRead => Volatile.Read(ref _pagesRead);
    public int TotalPages => Volatile.Read(ref _totalPages);
    public int TotalItems => Volatile.Read(ref _totalItems);
    public int ItemsWritten => Volatile.Read(ref _itemsWritten);
    public int Added => Volatile.Read(ref _added);
    public int Updated => Volatile.Read(ref _updated);
    public int Removed => Volatile.Read(ref _removed);
    public int ReleasesRemoved => Volatile.Read(ref _releasesRemoved);
    public int DetailsTotal => Volatile.Read(ref _detailsTotal);
    public int Fetched => Volatile.Read(ref _fetched);
    public int NotFound => Volatile.Read(ref _notFound);
    /// <summary>Requests sent to Discogs by this run, retries included (0 where no HTTP stack counts them).</summary>
    public int Requests => requestsSent?.Invoke() ?? 0;
    public int ErrorCount => Volatile.Read(ref _errorCount);
    public int WantPagesRead => Volatile.Read(ref _wantPagesRead);
    /// <summary>Wantlist pages as Discogs last reported them; 0 until the first one is read.</summary>
    public int WantPages => Volatile.Read(ref _wantPages);
    public int WantsAdded => Volatile.Read(ref _wantsAdded);
    public int WantsUpdated => Volatile.Read(ref _wantsUpdated);
    public int WantsRemoved => Volatile.Read(ref _wantsRemoved);
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>Items and releases written, as they are written (the items-processed metric).</summary>
    public event Action<int>? Processed;

    public void PageRead(int totalPages, int totalItems)
    {
        Interlocked.Increment(ref _pagesRead);
        Volatile.Write(ref _totalPages, totalPages);
        Volatile.Write(ref _totalItems, totalItems);
    }

    public void PageWritten(int items, int added, int updated)
    {
        Interlocked.Add(ref _itemsWritten, items);
        Interlocked.Add(ref _added, added);
        Interlocked.Add(ref _updated, updated);
        Processed?.Invoke(items);
    }

    public void Pruned(int instances, int releases)
    {
        Interlocked.Add(ref _removed, instances);
        Interlocked.Add(ref _releasesRemoved, releases);
    }

    public void WantPageRead(int totalPages)
    {
        Interlocked.Increment(ref _wantPagesRead);
        Volatile.Write(ref _wantPages, totalPages);
    }

    public void WantsWritten(int added, int updated)
    {
        Interlocked.Add(ref _wantsAdded, added);
        Interlocked.Add(ref _wantsUpdated, updated);
    }

    public void WantsPruned(int removed) => Interlocked.Add(ref _wantsRemoved, removed);

    public void DetailsPlanned(int count) => Volatile.Write(ref _detailsTotal, count);

    /// <summary>A planned release was fetched for someone who opened it: no longer this run's to fetch.</summary>
    public void DetailsFetchedElsewhere() => Interlocked.Decrement(ref _detailsTotal);

    public void DetailsWritten(int fetched, int notFound)
    {
        Interlocked.Add(ref _fetched, fetched);
        Interlocked.Add(ref _notFound, notFound);
        Processed?.Invoke(fetched);
    }

    /// <summary>Records a note (a 404) without counting it towards Sync:MaxErrors.</summary>
    public void Note(string message) => Keep(message);

    /// <summary>Records an error and returns how many there are now.</summary>
    public int Error(string message)
    {
        Keep(message);
        return Interlocked.Increment(ref _errorCount);
    }

    private void Keep(string message)
    {
        if (_errors.Count < MaxErrorsKept)
        {
            _errors.Enqueue(message);
        }
    }
}
