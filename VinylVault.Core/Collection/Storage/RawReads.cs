using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// A read in plain SQL on a context's connection, row by row into the caller's hands: for the few reads whose rows are
/// many and short (a page's tags, the cover work list), where EF's materializer costs more per row than SQLite does.
/// Values reach SQL only as parameters.
/// </summary>
internal static class RawReads
{
    public static async Task ReadAsync(this VaultDbContext db, string sql, Action<DbDataReader> read, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, value));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
