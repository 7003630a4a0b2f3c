using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Sets the per-connection PRAGMAs when EF Core opens a connection: WAL so pages and the dashboard read while the
/// sync writes, synchronous=NORMAL (safe with WAL, far fewer fsyncs on an SD card), a page cache, a busy timeout,
/// and foreign keys. Pooled connections keep their native handle, and the handle keeps its PRAGMAs, so each handle
/// is configured once rather than on every open (which would cost a round of statements per query).
/// </summary>
public sealed class SqlitePragmaInterceptor(IOptions<StorageOptions> options) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{options.Value.CacheSizeKb}; " +
        $"PRAGMA busy_timeout={options.Value.BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
