using Microsoft.Data.Sqlite;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Before anything opens the database for writing: a file that is not SQLite, or that fails PRAGMA
/// integrity_check, stops the app. It is only read (a read-only connection that never checkpoints), so the
/// owner's file stays exactly as it was, to be restored from a backup or moved away.
/// </summary>
internal static class DatabaseCheck
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    public static async Task EnsureHealthyAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return; // a first start: SQLite creates it
        }

        if (!await HasHeaderAsync(path, cancellationToken))
        {
            throw Damaged(path, "it is not a SQLite database");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(5)";
            var problems = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(reader.GetString(0));
            }

            if (problems is not ["ok"])
            {
                throw Damaged(path, "PRAGMA integrity_check found: " + string.Join("; ", problems));
            }
        }
        // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26); other errors (permissions, a busy lock) are not damage.
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26)
        {
            throw Damaged(path, ex.Message);
        }
    }

    private static async Task<bool> HasHeaderAsync(string path, CancellationToken cancellationToken)
    {
        var start = new byte[Header.Length];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
        return read == start.Length && start.AsSpan().SequenceEqual(Header);
    }

    private static DamagedDatabaseException Damaged(string path, string why) => new(
        $"The database file {path} is damaged ({why}). VinylVault will not start on it and has not changed it. " +
        $"Stop the app, then either restore a backup of that file, or move it (with any {Path.GetFileName(path)}-wal and " +
        $"{Path.GetFileName(path)}-shm next to it) out of {Path.GetDirectoryName(path)} to start afresh with an empty vault and sync again.");
}

/// <summary>The database file cannot be trusted: the app stops at start rather than write to it.</summary>
public sealed class DamagedDatabaseException(string message) : Exception(message);
