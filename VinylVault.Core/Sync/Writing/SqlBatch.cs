using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Sync.Writing;

/// <summary>
/// One transaction on the context's connection with reusable prepared statements. The sync writes through plain
/// SQL upserts rather than the change tracker: a release with full details is some 30 rows, and tracking them
/// would cost more than the writes themselves (the benchmark's goal is 5,000 releases a second).
/// </summary>
internal sealed class SqlBatch : IAsyncDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly List<DbCommand> _commands = [];

    private SqlBatch(VaultDbContext db, IDbContextTransaction transaction)
    {
        Db = db;
        _transaction = transaction;
    }

    public VaultDbContext Db { get; }

    public static async Task<SqlBatch> BeginAsync(VaultDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new SqlBatch(db, transaction);
    }

    /// <summary>A statement with parameters @p0..@pN, compiled once and run many times in this transaction.</summary>
    public Statement Prepare(string sql, int parameterCount)
    {
        var command = Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter("@p" + i, null));
        }

        _commands.Add(command);
        return new Statement(command);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }

        await _transaction.DisposeAsync();
        await Db.Database.CloseConnectionAsync();
    }
}

internal sealed class Statement(DbCommand command)
{
    public Task<int> RunAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a statement with a RETURNING clause: the first column of its row (null when none).</summary>
    public async Task<object?> ScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        Bind(values);
        return await command.ExecuteScalarAsync(cancellationToken) is var value and not DBNull ? value : null;
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
