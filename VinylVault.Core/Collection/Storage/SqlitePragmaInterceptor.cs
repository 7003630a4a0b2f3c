using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Sets the per-connection PRAGMAs every time EF Core opens a connection (pooled connections forget them):
/// WAL so pages and the dashboard read while the sync writes, synchronous=NORMAL (safe with WAL, far fewer fsyncs
/// on an SD card), a page cache, a busy timeout, and foreign keys.
/// </summary>
public sealed class SqlitePragmaInterceptor(IOptions<StorageOptions> options) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{options.Value.CacheSizeKb}; " +
        $"PRAGMA busy_timeout={options.Value.BusyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
