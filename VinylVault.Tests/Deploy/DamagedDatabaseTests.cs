using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using VinylVault.Tests.Api;

namespace VinylVault.Tests.Deploy;

/// <summary>A database file that is not SQLite, or fails integrity_check, stops the app at start and is left untouched.</summary>
public sealed class DamagedDatabaseTests
{
    [Fact]
    public async Task A_file_that_is_not_sqlite_stops_the_start_and_keeps_its_bytes()
    {
        await AssertRefusedAsync(path => File.WriteAllTextAsync(path, "these are my notes, not a database\n" + new string('x', 8192)), "not a SQLite database");
    }

    [Fact]
    public async Task A_database_that_fails_integrity_check_stops_the_start_and_keeps_its_bytes()
    {
        await AssertRefusedAsync(async path =>
        {
            await using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await db.OpenAsync();
                await using var create = db.CreateCommand();
                create.CommandText = "PRAGMA page_size=4096; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v); " +
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO t SELECT i, hex(randomblob(40)) FROM n;";
                await create.ExecuteNonQueryAsync();
            }

            // A page in the middle scribbled over, as a bad sector or a torn write would leave it.
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.Position = 4096 * 20 + 100;
            await file.WriteAsync(RandomNumberGenerator.GetBytes(3000));
        }, "damaged");
    }

    private static async Task AssertRefusedAsync(Func<string, Task> damage, string why)
    {
        await using var app = new VaultApp();
        Directory.CreateDirectory(app.DataDirectory);
        var path = Path.Combine(app.DataDirectory, "vinylvault.db");
        await damage(path);
        var before = await File.ReadAllBytesAsync(path);

        var refused = Assert.ThrowsAny<Exception>(() => app.Address);

        var message = refused.GetBaseException().Message;
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Contains(why, message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", message, StringComparison.Ordinal);
        Assert.Contains("start afresh", message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0, "the app wrote a WAL next to the damaged file");
    }
}
