using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Registered before every other hosted service, so the schema is migrated before anything reads or writes; it
/// stops last, and leaves SQLite's statistics fresh (PRAGMA optimize) and the WAL checkpointed.
/// </summary>
internal sealed class StorageInitializer(
    IDbContextFactory<VaultDbContext> contexts, VaultDatabase database, TimeProvider time, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseCheck.EnsureHealthyAsync(database.FilePath, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // MigrateAsync builds the migrations' snapshot model by conventions even when the schema is current, which
        // loads much of EF Core's model-building code for good (about 14 MB resident). Asking for pending
        // migrations first reads only the history table, so an everyday restart skips that cost.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            // A database that already holds data is copied first: the copy is the only way back if a migration
            // fails half-way or loses something, and it is removed only once the migration succeeded.
            var backup = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
                ? await BackUpAsync(pending[^1], cancellationToken)
                : null;
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (backup is not null)
            {
                logger.LogError(ex, "The migration failed; the database as it was before is kept at {Backup}", backup);
                throw;
            }

            if (backup is not null)
            {
                File.Delete(backup);
                logger.LogInformation("Migrated; the copy made before the migration ({Backup}) is removed", backup);
            }
        }

        logger.LogInformation("Database ready at {Path}", database.FilePath);
    }

    /// <summary>A consistent copy next to the database through SQLite's online backup API (WAL content included).</summary>
    private async Task<string> BackUpAsync(string migration, CancellationToken cancellationToken)
    {
        var path = $"{database.FilePath}.before-{migration}-{time.GetUtcNow():yyyyMMddHHmmss}";
        await using var source = new SqliteConnection(Unpooled(database.FilePath));
        await using var copy = new SqliteConnection(Unpooled(path));
        await source.OpenAsync(cancellationToken);
        await copy.OpenAsync(cancellationToken);
        source.BackupDatabase(copy);
        logger.LogInformation("Copied the database to {Backup} before migrating it", path);
        return path;
    }

    // Unpooled, so the files are closed when the connections are disposed and the copy can be removed.
    private static string Unpooled(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
            }

            // Closing the pooled connections lets SQLite checkpoint the WAL into the main file.
            SqliteConnection.ClearAllPools();
        }
        // ObjectDisposedException: under WebApplicationFactory a minimal-hosting app is stopped twice at once
        // (dotnet/aspnetcore#40271) and the other stop may already have disposed the services; optimizing is best effort.
        catch (Exception ex) when (ex is SqliteException or OperationCanceledException or ObjectDisposedException)
        {
            logger.LogWarning(ex, "Could not optimize the database on shutdown");
        }
    }
}
