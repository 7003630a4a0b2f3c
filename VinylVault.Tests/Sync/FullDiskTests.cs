using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using VinylVault.Tests.Api;
using VinylVault.Tests.Simulator;
using Xunit.Abstractions;

namespace VinylVault.Tests.Sync;

/// <summary>
/// The data directory on a small tmpfs that fills up during a sync: the run fails saying the disk is full, reads go
/// on, the file stays sound, and once space is freed the next sync completes. Needs root (CI runs as root).
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper output)
{
    private const int Size = 300;

    [Fact]
    public async Task A_disk_that_fills_up_fails_the_sync_clearly_and_the_next_one_completes()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vinylvault-full-disk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        if (await RunAsync("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", directory) is { } refused)
        {
            output.WriteLine($"Not run: this machine does not let the test mount a tmpfs ({refused}).");
            Directory.Delete(directory);
            return;
        }

        try
        {
            await using var discogs = await DiscogsFixture.StartAsync(Size);
            var settings = DiscogsFixture.Settings(discogs);
            settings["Storage:DataDirectory"] = directory;
            await using (var app = new VaultApp(settings))
            {
                using var client = app.CreateKeyClient();
                await client.GetFromJsonAsync<JsonElement>("/api/sync/status");
                var filler = Path.Combine(directory, "filler");
                Fill(filler, leave: 256 * 1024);

                var failed = await SyncedVault.SyncThroughRestAsync(app, client);

                Assert.Equal("failed", failed.GetProperty("status").GetString());
                var message = failed.GetProperty("message").GetString();
                output.WriteLine(message);
                Assert.Contains("the disk is full", message, StringComparison.Ordinal);
                Assert.Contains(directory, message, StringComparison.Ordinal);
                var page = await client.GetFromJsonAsync<JsonElement>("/api/collection?page_size=5");
                var written = page.GetProperty("total").GetInt32();
                output.WriteLine($"{written} copies readable after the disk filled");
                await client.GetFromJsonAsync<JsonElement>("/api/stats");
                Assert.Equal("ok", await IntegrityAsync(directory));

                File.Delete(filler);
                var completed = await SyncedVault.SyncThroughRestAsync(app, client);

                Assert.Equal("completed", completed.GetProperty("status").GetString());
                Assert.Equal(Size, (await client.GetFromJsonAsync<JsonElement>("/api/collection?page_size=1")).GetProperty("total").GetInt32());
            }

            Assert.Equal("ok", await IntegrityAsync(directory));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            await RunAsync("umount", "-l", directory);
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Takes all free space on the file system of <paramref name="path"/> but <paramref name="leave"/> bytes.</summary>
    private static void Fill(string path, long leave)
    {
        var free = new DriveInfo(Path.GetDirectoryName(path)!).AvailableFreeSpace;
        using var file = new FileStream(path, FileMode.CreateNew);
        var chunk = new byte[64 * 1024];
        for (var left = free - leave; left > 0; left -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    private static async Task<string> IntegrityAsync(string directory)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(directory, "vinylvault.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)(await check.ExecuteScalarAsync())!;
    }

    /// <summary>Runs a command; null when it succeeded, else why not.</summary>
    private static async Task<string?> RunAsync(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? null : $"{command} exited {process.ExitCode}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"{command}: {ex.Message}";
        }
    }
}
