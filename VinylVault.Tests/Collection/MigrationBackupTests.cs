using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;
using VinylVault.Tests.Api;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Collection;

/// <summary>A migration never risks the only copy: an existing database is copied first, the copy kept until it succeeded.</summary>
public sealed class MigrationBackupTests
{
    // A migration this build does not have, recorded as applied: the database "exists", and every migration of this
    // build is pending for it.
    private const string Earlier = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('20200101000000_Earlier', '10.0.0');";

    [Fact]
    public async Task An_existing_database_is_copied_before_a_migration_and_the_copy_removed_once_it_succeeded()
    {
        using var data = new TempDataDirectory();
        var file = Path.Combine(data.Path, StorageOptions.DatabaseFileName);
        Execute(file, "PRAGMA journal_mode=WAL;", "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT NOT NULL PRIMARY KEY, ProductVersion TEXT NOT NULL);", Earlier);
        var logs = new CapturedLogs();

        await using (var database = await TestDatabase.StartAsync(data.Settings, logs))
        await using (var db = database.CreateContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Contains($"Copied the database to {file}.before-", logs.Text, StringComparison.Ordinal);
        Assert.Contains("Migrated; the copy made before the migration", logs.Text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(data.Path, $"{StorageOptions.DatabaseFileName}.before-*"));
    }

    [Fact]
    public async Task A_failed_migration_leaves_the_copy_with_the_data_as_it_was()
    {
        using var data = new TempDataDirectory();
        await using (var first = await TestDatabase.StartAsync(data.Settings))
        await using (var db = first.CreateContext())
        {
            db.SyncRuns.Add(new SyncRun { StartedAt = DateTime.UtcNow, Outcome = SyncOutcome.Completed });
            await db.SaveChangesAsync();
        }

        // The schema is there but its history says otherwise: migrating again fails on the first table.
        var file = Path.Combine(data.Path, StorageOptions.DatabaseFileName);
        Execute(file, "DELETE FROM __EFMigrationsHistory;", Earlier);
        var logs = new CapturedLogs();

        await Assert.ThrowsAnyAsync<SqliteException>(() => TestDatabase.StartAsync(data.Settings, logs));

        Assert.Contains("The migration failed; the database as it was before is kept at", logs.Text, StringComparison.Ordinal);
        var copy = Assert.Single(Directory.GetFiles(data.Path, $"{StorageOptions.DatabaseFileName}.before-*"));
        await using var backup = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await backup.OpenAsync();
        await using var count = backup.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM SyncRuns;";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private static void Execute(string file, params string[] statements)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
