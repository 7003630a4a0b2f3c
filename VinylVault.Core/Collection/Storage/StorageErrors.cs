using Microsoft.Data.Sqlite;

namespace VinylVault.Core.Collection.Storage;

/// <summary>Storage failures said the way an owner can act on them.</summary>
public static class StorageErrors
{
    private const int SqliteFull = 13;
    private const int NoSpaceLeft = 28; // ENOSPC

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is SQLite or the file system out of room.</summary>
    public static bool IsDiskFull(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteFull } || e is IOException { HResult: NoSpaceLeft })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sentence for the owner: the disk is full naming the directory, else <paramref name="fallback"/> with the error.</summary>
    public static string Describe(Exception exception, string dataDirectory, string fallback) => IsDiskFull(exception)
        ? $"Stopped: the disk is full ({dataDirectory} has no room left). Everything written so far is kept and can be read; free some space there, and the next sync carries on."
        : $"{fallback}: {exception.Message}";
}
