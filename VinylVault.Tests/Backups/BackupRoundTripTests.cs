using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using VinylVault.Api.Backups;
using VinylVault.Core.Backups;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Tests.Api;
using VinylVault.Tests.Covers;
using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Backups;

/// <summary>
/// The whole app: a synced collection backed up through REST, the data directory wiped, the archive restored by the
/// `restore` command into a fresh one; the new app holds the same rows, reads the Discogs token without being told it,
/// and its sync fetches no release again.
/// </summary>
public sealed class BackupRoundTripTests : IAsyncLifetime
{
    private SimulatorServer _discogs = null!;

    public async Task InitializeAsync() => _discogs = await DiscogsFixture.StartAsync(SimulatedVault.CollectionSize);

    public async Task DisposeAsync() => await _discogs.DisposeAsync();

    [Fact]
    public async Task Backup_wipe_restore_gives_the_same_tables_a_working_token_and_an_incremental_sync()
    {
        var archive = Path.Combine(Path.GetTempPath(), "vinylvault-backup-tests", Guid.NewGuid().ToString("N") + ".zip");
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        List<string> original;
        await using (var app = new VaultApp(DiscogsFixture.Settings(_discogs)))
        {
            using var owner = await app.CreateOwnerClientAsync();
            await SyncedVault.SyncThroughRestAsync(app, owner);
            using (await owner.PostAsJsonAsync("/api/keys", new { name = "home-assistant" }))
            {
            }

            // The cover lane goes on after the sync (the wants' covers last): the tables are compared once it rests,
            // so the dump below is of the same moment as the backup.
            var covers = await CoverVault.WaitForCoversAsync(owner, TimeSpan.FromSeconds(60));
            Assert.Equal(0, covers.GetProperty("queued").GetInt32());

            using var created = await owner.PostAsync("/api/backups", null);
            var backup = await ApiAssert.JsonAsync(created, HttpStatusCode.Created);
            ApiAssert.HasFields(backup, "name", "size", "created_at", "sha256");
            var name = backup.GetProperty("name").GetString()!;
            var listed = await ApiAssert.JsonAsync(await owner.GetAsync("/api/backups"));
            Assert.Equal(name, Assert.Single(listed.GetProperty("backups").EnumerateArray()).GetProperty("name").GetString());

            using var download = await owner.GetAsync($"/api/backups/{name}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(backup.GetProperty("size").GetInt64(), bytes.Length);
            Assert.Equal(backup.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            await File.WriteAllBytesAsync(archive, bytes);
            original = await DumpAsync(app.DataDirectory);
        }

        // The old data directory is gone (VaultApp deletes it); a fresh machine gets the archive and the restore command.
        await using var fresh = new VaultApp(DiscogsFixture.Settings(_discogs, account: false));
        var (exit, output) = await RunRestoreCommandAsync(archive, fresh.DataDirectory);
        Assert.True(exit == 0, output);
        Assert.Contains($"{SimulatedVault.CollectionSize} copies", output, StringComparison.Ordinal);

        Assert.Equal(original, await DumpAsync(fresh.DataDirectory));
        _discogs.Simulator.ResetTraffic();
        using var client = fresh.CreateKeyClient();
        var account = await ApiAssert.JsonAsync(await client.GetAsync("/api/account/discogs"));
        Assert.True(account.GetProperty("connected").GetBoolean(), account.ToString());
        Assert.Equal(_discogs.Username, account.GetProperty("username").GetString());
        var status = await SyncedVault.SyncThroughRestAsync(fresh, client);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(0, _discogs.Simulator.Counters.Requests("release"));
        Assert.True(_discogs.Simulator.Counters.TotalRequests > 0, "the sync asked Discogs nothing: the token was not used");
        Assert.Equal(0, _discogs.Simulator.Counters.Requests(status: 401));
        File.Delete(archive);
    }

    [Fact]
    public async Task Backups_answer_only_with_credentials_and_never_reach_outside_their_folder()
    {
        await using var app = new VaultApp();
        using var anonymous = app.CreateAnonymousClient();
        await ApiAssert.ProblemAsync(await anonymous.PostAsync("/api/backups", null), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/backups"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await anonymous.GetAsync("/api/export/collection.csv"), HttpStatusCode.Unauthorized);

        using var client = app.CreateKeyClient();
        await File.WriteAllTextAsync(Path.Combine(app.DataDirectory, "secret.txt"), "not for download");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/backups", null)).StatusCode);
        foreach (var name in new[] { "..%2Fsecret.txt", "..%2F..%2Fvinylvault.db", "%2E%2E%2Fsecret.txt", "vinylvault.db", ".partial-x", "%00", "vinylvault-20260101-000000.zip" })
        {
            using var get = await client.GetAsync($"/api/backups/{name}");
            Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"GET {name}: {(int)get.StatusCode}");
            Assert.NotEqual("not for download", await get.Content.ReadAsStringAsync());
            using var delete = await client.DeleteAsync($"/api/backups/{name}");
            Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"DELETE {name}: {(int)delete.StatusCode}");
        }

        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "secret.txt")));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, StorageOptions.DatabaseFileName)));
        var listed = await ApiAssert.JsonAsync(await client.GetAsync("/api/backups"));
        var name1 = Assert.Single(listed.GetProperty("backups").EnumerateArray()).GetProperty("name").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/backups/{name1}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/backups")).GetProperty("backups").EnumerateArray());
    }

    [Fact]
    public async Task A_scheduled_backup_during_a_running_sync_completes_and_is_consistent()
    {
        // Two Discogs requests a second: the sync runs for half a minute; a backup falls due about every second.
        var settings = DiscogsFixture.Settings(_discogs);
        settings["Discogs:MaxRequestsPerMinute"] = "2";
        settings["Backup:IntervalHours"] = "0.0003";
        settings["Backup:Keep"] = "2";
        await using var app = new VaultApp(settings);
        using var client = app.CreateKeyClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/sync/start", null)).StatusCode);
        var store = app.Services.GetRequiredService<BackupStore>();

        await Until.TrueAsync(() => _discogs.Simulator.Counters.Requests("release", 200) >= 3, "the sync fetches details");
        var before = store.List().Select(b => b.Name).ToHashSet();
        await Until.TrueAsync(() => store.List().Any(b => !before.Contains(b.Name)), "a scheduled backup is written while the sync runs");
        var status = await client.GetFromJsonAsync<JsonElement>("/api/sync/status");
        Assert.Equal("syncing", status.GetProperty("sync_status").GetProperty("status").GetString());

        var newest = store.List()[0];
        var check = Path.Combine(app.DataDirectory, "check");
        List<string> migrations;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>().CreateDbContextAsync())
        {
            migrations = [.. db.Database.GetMigrations()];
        }

        var staged = await ArchiveCheck.StageAsync(store.PathOf(newest.Name)!, check, migrations, CancellationToken.None);
        Assert.Equal(staged.Manifest.Copies, await TableDump.CountAsync(Path.Combine(check, "vinylvault.db"), "CollectionInstances"));
        Assert.Equal(SimulatedVault.CollectionSize, staged.Manifest.Copies);
        SqliteConnection.ClearAllPools();
        await client.PostAsync("/api/sync/cancel", null);
    }

    private static async Task<List<string>> DumpAsync(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        return await TableDump.CaptureAsync(Path.Combine(dataDirectory, StorageOptions.DatabaseFileName));
    }

    /// <summary>`dotnet VinylVault.Api.dll restore &lt;archive&gt;`, as the owner runs it with the app stopped.</summary>
    private static async Task<(int Exit, string Output)> RunRestoreCommandAsync(string archive, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "VinylVault.Api.dll"), RestoreCommand.Verb, archive, $"--Storage:DataDirectory={dataDirectory}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, await stdout + await stderr);
    }
}
