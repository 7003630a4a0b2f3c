using Microsoft.Data.Sqlite;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Whether anything was committed to the database since a figure was computed: SQLite's PRAGMA data_version, read
/// on one connection of its own that never writes, changes whenever any other connection (or process) commits. So
/// the statistics every /api/stats and sync-status call used to recompute (a dozen group-bys over the whole
/// collection) are computed once per write instead of once per request.
/// </summary>
public sealed class DataVersion(VaultDatabase database) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private SqliteCommand? _command;

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

/// <summary>One figure computed from the database, kept until the next commit (<see cref="DataVersion"/>).</summary>
public sealed class VersionedCache<T>(DataVersion version) where T : class
{
    private Entry? _cached;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        var current = await version.CurrentAsync(cancellationToken);
        if (Volatile.Read(ref _cached) is { } cached && cached.Version == current)
        {
            return cached.Value;
        }

        // Computed after the version was read: a commit meanwhile makes it newer than its version, never older.
        var value = await compute(cancellationToken);
        Volatile.Write(ref _cached, new Entry(current, value));
        return value;
    }

    private sealed record Entry(long Version, T Value);
}
