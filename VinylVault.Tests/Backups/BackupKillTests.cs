using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Backups;
using Xunit.Abstractions;

namespace VinylVault.Tests.Backups;

/// <summary>
/// Backups written in a loop by a real child process, killed with SIGKILL at three moments: every file that looks
/// like an archive verifies completely; whatever the kill cut short is a ".partial-" name that is listed nowhere.
/// </summary>
public sealed class BackupKillTests(ITestOutputHelper output)
{
    public const string Verb = "backup-child";

    [Fact]
    public async Task A_kill_during_a_backup_never_leaves_an_archive_that_looks_complete()
    {
        await using var host = await BackupHost.StartAsync();
        await using (var db = await host.Contexts.CreateDbContextAsync())
        {
            // About 10 MB that compresses poorly: each backup takes long enough to be killed in the middle.
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO Releases (Id, Title, ArtistDisplay, ArtistSort, TitleSort, SearchText, BasicHash, HasDetails, DetailsNotFound, Notes)
                SELECT i, 'Title ' || i, 'Artist', 'artist', 'title', '', 0, 0, 0, hex(randomblob(1000)) FROM n;
                """);
        }

        List<string> migrations;
        await using (var db = await host.Contexts.CreateDbContextAsync())
        {
            migrations = [.. db.Database.GetMigrations()];
        }

        await host.StopAsync();
        var directory = host.DataDirectory;
        var store = host.Store;
        {
            foreach (var delay in new[] { 40, 250, 600 })
            {
                var completed = await RunAndKillAsync(directory, delay);
                var files = Directory.EnumerateFileSystemEntries(store.Directory).Select(Path.GetFileName).ToList();
                var archives = files.Where(BackupStore.IsValidName).ToList();
                var partials = files.Where(f => f!.StartsWith(BackupStore.PartialPrefix, StringComparison.Ordinal)).ToList();
                output.WriteLine($"killed {delay} ms after backup {completed}: {archives.Count} archives, {partials.Count} partial");
                Assert.All(files, f => Assert.True(BackupStore.IsValidName(f) || f!.EndsWith(".zip.sha256", StringComparison.Ordinal) || partials.Contains(f), f));
                Assert.NotEmpty(partials);
                Assert.Equal(archives.Order(), store.List().Select(b => b.Name).Order());
                foreach (var archive in archives)
                {
                    var check = Path.Combine(Path.GetTempPath(), "vinylvault-backup-tests", "check-" + Guid.NewGuid().ToString("N"));
                    var staged = await ArchiveCheck.StageAsync(store.PathOf(archive)!, check, migrations, CancellationToken.None);
                    Assert.Equal(5000, staged.Manifest.Releases);
                    Directory.Delete(check, recursive: true);
                }
            }
        }
    }

    /// <summary>Runs the child until it finished one backup, waits <paramref name="delay"/> ms into the next, and kills it.</summary>
    private static async Task<int> RunAndKillAsync(string directory, int delay)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(BackupKillTests).Assembly.Location, Verb, directory })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        try
        {
            var done = 0;
            while (await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(180)) is { } line)
            {
                if (line == "done")
                {
                    done++;
                    break;
                }
            }

            Assert.True(done > 0, "the child wrote no backup");
            await Task.Delay(delay);
            return done;
        }
        finally
        {
            child.Kill(); // SIGKILL: no finally blocks, no cleanup in the child
            await child.WaitForExitAsync();
        }
    }

    /// <summary>The child: backs up in a loop, printing "done" after each, until it is killed.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args is not [Verb, var directory])
        {
            return 2;
        }

        await using var host = await BackupHost.StartAsync(new Dictionary<string, string?> { ["Backup:Keep"] = "1000" }, dataDirectory: directory);
        while (true)
        {
            await host.Writer.CreateAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync("done");
            await Console.Out.FlushAsync();
        }
    }
}
