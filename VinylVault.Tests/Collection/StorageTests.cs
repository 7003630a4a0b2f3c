using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Collection;

public sealed class StorageTests
{
    [Fact]
    public async Task Start_up_creates_the_database_file_in_the_data_directory_with_every_migration_applied()
    {
        await using var database = await TestDatabase.StartAsync();
        await using var db = database.CreateContext();

        Assert.True(File.Exists(Path.Combine(database.Directory, StorageOptions.DatabaseFileName)));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_compiled_model_matches_the_entity_configurations_and_the_migrations()
    {
        await using var database = await TestDatabase.StartAsync();
        await using var db = database.CreateContext();

        // The app skips this check at start-up (StorageRegistration), so it is made here.
        Assert.False(db.Database.HasPendingModelChanges(), "The entity configurations changed without a migration.");

        // The app runs on the generated model; the design-time model is what the entity configurations say today.
        Assert.Equal(Describe(db.GetService<IDesignTimeModel>().Model), Describe(db.Model));
    }

    [Fact]
    public async Task A_restart_on_an_up_to_date_database_keeps_its_rows_and_needs_no_migration()
    {
        using var data = new TempDataDirectory("restart");
        await using (var first = await TestDatabase.StartAsync(data.Settings))
        await using (var db = first.CreateContext())
        {
            db.SyncRuns.Add(new SyncRun { StartedAt = DateTime.UtcNow, Outcome = SyncOutcome.Completed });
            await db.SaveChangesAsync();
        }

        await using var second = await TestDatabase.StartAsync(data.Settings);
        await using var again = second.CreateContext();
        Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await again.SyncRuns.CountAsync());
    }

    [Fact]
    public async Task Every_connection_gets_WAL_normal_sync_the_configured_cache_a_busy_timeout_and_foreign_keys()
    {
        await using var database = await TestDatabase.StartAsync(new Dictionary<string, string?> { ["Storage:CacheSizeKb"] = "4096" });
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("1", await Pragma(db, "synchronous")); // NORMAL
        Assert.Equal("-4096", await Pragma(db, "cache_size"));
        Assert.Equal("5000", await Pragma(db, "busy_timeout"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
    }

    [Fact]
    public async Task Timestamps_come_back_as_UTC_whatever_kind_they_were_written_with()
    {
        await using var database = await TestDatabase.StartAsync();
        var local = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Local);
        await using (var db = database.CreateContext())
        {
            db.SyncRuns.Add(new SyncRun { StartedAt = local, FinishedAt = local.AddMinutes(5), Outcome = SyncOutcome.Completed });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var run = await db.SyncRuns.SingleAsync();
            Assert.Equal(DateTimeKind.Utc, run.StartedAt.Kind);
            Assert.Equal(local.ToUniversalTime(), run.StartedAt);
            Assert.Equal(DateTimeKind.Utc, run.FinishedAt!.Value.Kind);
            Assert.Equal(local.AddMinutes(5).ToUniversalTime(), run.FinishedAt);
        }
    }

    [Fact]
    public async Task A_bad_cache_size_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestDatabase.StartAsync(new Dictionary<string, string?> { ["Storage:CacheSizeKb"] = "1" }));
        Assert.Contains("CacheSizeKb", error.Message);
    }

    /// <summary>What the database and the mapping see of a model: tables, columns, keys, indexes and value converters.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name))
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"{table.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} {i.Filter}"));
        }

        lines.AddRange(model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => $"{p.DeclaringType.Name}.{p.Name} {p.ClrType.Name} converter {p.GetTypeMapping().Converter?.GetType().Name}")
            .Order(StringComparer.Ordinal));
        return lines;
    }

    private static async Task<string> Pragma(VaultDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
