using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VinylVault.Core.Collection.Storage;

/// <summary>
/// Registered before every other hosted service, so the schema is migrated before anything reads or writes; it
/// stops last, and leaves SQLite's statistics fresh (PRAGMA optimize) and the WAL checkpointed.
/// </summary>
internal sealed class StorageInitializer(IDbContextFactory<VaultDbContext> contexts, VaultDatabase database, ILogger<StorageInitializer> logger)
    : IHostedService
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
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        logger.LogInformation("Database ready at {Path}", database.FilePath);
    }

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
