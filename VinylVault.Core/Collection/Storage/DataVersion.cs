using Microsoft.Data.Sqlite;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Whether anything was committed to the database since a figure was computed: SQLite's PRAGMA data_version, read
/// on one connection of its own that never writes, changes whenever any other connection (or process) commits. So
/// the statistics every /api/stats and sync-status call used to recompute (a dozen group-bys over the whole
/// collection) are computed once per write instead of once per request. While a sync writes (several commits a
/// second), a figure may be up to <see cref="SyncTolerance"/> old: it is moving anyway, and recomputing it after
/// every commit made the statistics the costliest request under load.
/// </summary>
public sealed class DataVersion(VaultDatabase database, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan SyncTolerance = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private int _syncs;

    /// <summary>Marks a sync's writing; figures are exact again once it is disposed (before the run reports its end).</summary>
    public IDisposable SyncWriting()
    {
        Interlocked.Increment(ref _syncs);
        return new Scope(this);
    }

    /// <summary>Whether a figure computed at <paramref name="version"/> (read at <paramref name="readAt"/>) may still be served.</summary>
    internal bool Serves(long version, long readAt, long current) =>
        version >= current || (Volatile.Read(ref _syncs) > 0 && time.GetElapsedTime(readAt) < SyncTolerance);

    internal long Timestamp() => time.GetTimestamp();

    internal void EndSync() => Interlocked.Decrement(ref _syncs);

    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_command is null)
            {
                _connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
                await _connection.OpenAsync(cancellationToken);
                _command = _connection.CreateCommand();
                _command.CommandText = "PRAGMA data_version";
            }

            return (long)(await _command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _gate.Dispose();
    }
}

/// <summary>
/// One figure computed from the database, kept until the next commit (<see cref="DataVersion"/>). Callers that need
/// it at the same time share one computation, so a burst of requests after a commit costs one set of queries. Without
/// a <see cref="DataVersion"/> (a benchmark's or a test's bare queries) every call computes.
/// </summary>
public sealed class VersionedCache<T>(DataVersion? version) where T : class
{
    private Entry? _cached;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return await compute(cancellationToken);
        }

        var current = await version.CurrentAsync(cancellationToken);
        while (true)
        {
            var cached = Volatile.Read(ref _cached);
            if (cached is not null && !cached.Value.Task.IsFaulted && version.Serves(cached.Version, cached.ReadAt, current))
            {
                return await cached.Value.Task.WaitAsync(cancellationToken);
            }

            // Computed after the version was read: a commit meanwhile makes it newer than its version, never older.
            var entry = new Entry(current, version.Timestamp(), new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
            if (Interlocked.CompareExchange(ref _cached, entry, cached) != cached)
            {
                continue;
            }

            try
            {
                // Not the caller's token: others may be waiting for this figure after the caller has gone.
                entry.Value.SetResult(await compute(CancellationToken.None));
            }
            catch (Exception ex)
            {
                entry.Value.SetException(ex);
            }

            return await entry.Value.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed record Entry(long Version, long ReadAt, TaskCompletionSource<T> Value);
}

file sealed class Scope(DataVersion version) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            version.EndSync();
        }
    }
}
