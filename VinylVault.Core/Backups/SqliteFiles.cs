using Microsoft.Data.Sqlite;

namespace VinylVault.Core.Backups;

/// <summary>What a backup learns from a database file: its integrity, the last migration applied, and its counts.</summary>
public sealed record DatabaseFacts(string Integrity, string? Migration, int Releases, int Copies, int? Wants);

/// <summary>The SQLite work of backups and restores, on connections of their own (unpooled, so files are let go at once).</summary>
internal static class SqliteFiles
{
    /// <summary>
    /// Copies a live WAL database with SQLite's online backup API. The copy reads one snapshot: under WAL a reader never
    /// blocks the sync's writers, and they never block it, so the app keeps working while the copy is made.
    /// </summary>
    public static async Task CopyAsync(string source, string destination, CancellationToken cancellationToken)
    {
        await using var from = Open(source, SqliteOpenMode.ReadOnly);
        await from.OpenAsync(cancellationToken);
        await using var to = Open(destination, SqliteOpenMode.ReadWriteCreate);
        await to.OpenAsync(cancellationToken);
        from.BackupDatabase(to);
        // The copy inherits the WAL flag; an archive wants one self-contained file (the app turns WAL on again).
        await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", cancellationToken);
    }

    /// <summary>Reads the facts of a database file, read-only; a file that is not a database reads as not "ok".</summary>
    public static async Task<DatabaseFacts> ReadFactsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = Open(path, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            var integrity = Convert.ToString(await ScalarAsync(connection, "PRAGMA integrity_check(1);", cancellationToken)) ?? "";
            if (integrity != "ok")
            {
                return new DatabaseFacts(integrity, null, 0, 0, null);
            }

            var tables = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var migration = tables.Contains("__EFMigrationsHistory")
                ? Convert.ToString(await ScalarAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1;", cancellationToken))
                : null;
            return new DatabaseFacts(integrity, migration,
                await CountAsync(connection, tables, "Releases", cancellationToken) ?? 0,
                await CountAsync(connection, tables, "CollectionInstances", cancellationToken) ?? 0,
                await CountAsync(connection, tables, "Wants", cancellationToken));
        }
        catch (SqliteException ex)
        {
            return new DatabaseFacts(ex.Message, null, 0, 0, null);
        }
    }

    /// <summary>Folds a WAL left by a crash into the main file, so the file alone is the whole database.</summary>
    public static async Task CheckpointAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadWrite);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    /// <summary>Puts a file into WAL mode, as the app keeps its database (its start-up opens the file read-only first, which cannot switch modes).</summary>
    public static async Task UseWalAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = Open(path, SqliteOpenMode.ReadWrite);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) => new(new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    private static async Task<int?> CountAsync(SqliteConnection connection, HashSet<string> tables, string table, CancellationToken cancellationToken) =>
        tables.Contains(table) ? Convert.ToInt32(await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"{table}\";", cancellationToken)) : null;

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
