using Microsoft.EntityFrameworkCore;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using VinylVault.Core.Backups;

namespace VinylVault.Tests.Backups;

/// <summary>What an archive holds, how it is protected, and what a restore refuses (with the database's bytes unchanged).</summary>
public sealed class BackupArchiveTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_backup_holds_the_database_the_key_ring_and_a_manifest_and_only_its_owner_can_read_it()
    {
        await using var host = await BackupHost.StartAsync();
        await host.SeedAsync();
        Directory.CreateDirectory(Path.Combine(host.DataDirectory, "covers"));
        await File.WriteAllBytesAsync(Path.Combine(host.DataDirectory, "covers", "42.jpg"), [1, 2, 3]);

        var backup = await host.Writer.CreateAsync(CancellationToken.None);

        var path = host.Store.PathOf(backup.Name)!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), backup.Sha256);
        Assert.Equal(new FileInfo(path).Length, backup.Size);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(backup, Assert.Single(host.Store.List()));
        using var zip = ZipFile.OpenRead(path);
        // Covers are left out by default: they can be downloaded again.
        Assert.Equal(["keys/key-0f0e0d0c-0000-4000-8000-000000000001.xml", "manifest.json", "vinylvault.db"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(1, root.GetProperty("releases").GetInt32());
        Assert.Equal(1, root.GetProperty("copies").GetInt32());
        Assert.Equal(0, root.GetProperty("wants").GetInt32()); // the Wants table exists, empty here
        Assert.Equal("0.1.0", root.GetProperty("app_version").GetString());
        await using (var db = await host.Contexts.CreateDbContextAsync())
        {
            // The manifest names the schema the copy has: the newest migration this app applied.
            Assert.Equal(db.Database.GetMigrations().Last(), root.GetProperty("schema_migration").GetString());
        }
        foreach (var part in root.GetProperty("parts").EnumerateArray())
        {
            using var entry = zip.GetEntry(part.GetProperty("path").GetString()!)!.Open();
            Assert.Equal(part.GetProperty("sha256").GetString(), Convert.ToHexStringLower(await SHA256.HashDataAsync(entry)));
        }
    }

    [Fact]
    public async Task Covers_are_in_the_archive_when_Backup_IncludeCovers_is_set()
    {
        await using var host = await BackupHost.StartAsync(new Dictionary<string, string?> { ["Backup:IncludeCovers"] = "true" });
        Directory.CreateDirectory(Path.Combine(host.DataDirectory, "covers", "42"));
        await File.WriteAllBytesAsync(Path.Combine(host.DataDirectory, "covers", "42", "thumb.jpg"), [1, 2, 3]);

        var backup = await host.Writer.CreateAsync(CancellationToken.None);

        using var zip = ZipFile.OpenRead(host.Store.PathOf(backup.Name)!);
        Assert.Contains("covers/42/thumb.jpg", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task Each_bad_archive_is_refused_with_a_clear_message_and_the_database_bytes_unchanged()
    {
        await using var host = await BackupHost.StartAsync();
        await host.SeedAsync();
        var good = host.Store.PathOf((await host.Writer.CreateAsync(CancellationToken.None)).Name)!;
        await host.StopAsync();
        var before = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(host.DatabasePath)));
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "vinylvault-backup-tests", "bad-" + Guid.NewGuid().ToString("N"))).FullName;

        var bytes = await File.ReadAllBytesAsync(good);
        var cases = new Dictionary<string, (string File, string Message)>
        {
            ["truncated"] = (Write(work, "truncated.zip", bytes[..(bytes.Length / 2)]), "truncated"),
            ["not an archive"] = (Write(work, "notes.zip", "just some text"u8.ToArray()), "not a zip archive"),
            ["wrong checksum"] = (Edit(good, work, "checksum.zip", (zip, manifest) =>
                Replace(zip, "keys/key-0f0e0d0c-0000-4000-8000-000000000001.xml", "<key id=\"tampered\" />"u8.ToArray())), "does not match its checksum"),
            ["newer schema"] = (Edit(good, work, "newer.zip", (zip, manifest) =>
                Replace(zip, "manifest.json", Encoding(manifest.Replace("_InitialCreate", "_FromTheFuture", StringComparison.Ordinal)
                    .Replace("\"schema_migration\": \"2", "\"schema_migration\": \"9", StringComparison.Ordinal)))), "newer VinylVault"),
            ["escaping path"] = (Edit(good, work, "escape.zip", (zip, manifest) =>
            {
                Replace(zip, "../../escaped.txt", "owned"u8.ToArray());
                var sha = Convert.ToHexStringLower(SHA256.HashData("owned"u8.ToArray()));
                Replace(zip, "manifest.json", Encoding(manifest.Replace("\"parts\": [", $"\"parts\": [ {{ \"path\": \"../../escaped.txt\", \"size\": 5, \"sha256\": \"{sha}\" }},", StringComparison.Ordinal)));
            }), "outside its folder"),
            ["unlisted entry"] = (Edit(good, work, "unlisted.zip", (zip, _) => Replace(zip, "keys/extra.xml", "<key />"u8.ToArray())), "does not list"),
        };

        foreach (var (name, (file, message)) in cases)
        {
            var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => host.Restorer.RestoreAsync(file, CancellationToken.None));
            Assert.True(refused.Message.Contains(message, StringComparison.Ordinal), $"{name}: {refused.Message}");
            Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(host.DatabasePath))));
        }

        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "..", "escaped.txt")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(host.DataDirectory)!, "..", "escaped.txt")));
        Assert.Empty(Directory.EnumerateFiles(host.DataDirectory, "*.before-restore-*"));
        Assert.Empty(Directory.EnumerateDirectories(host.DataDirectory, "restore-*"));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(host.DataDirectory, "keys")));
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task A_good_archive_replaces_the_database_and_keeps_the_one_it_replaced()
    {
        await using var host = await BackupHost.StartAsync();
        await host.SeedAsync();
        var archive = host.Store.PathOf((await host.Writer.CreateAsync(CancellationToken.None)).Name)!;
        await using (var db = await host.Contexts.CreateDbContextAsync())
        {
            db.Folders.Add(new VinylVault.Core.Collection.Folder { Id = 2, Name = "added after the backup" });
            await db.SaveChangesAsync();
        }

        await host.StopAsync();
        var manifest = await host.Restorer.RestoreAsync(archive, CancellationToken.None);

        Assert.Equal(1, manifest.Copies);
        Assert.False(File.Exists(host.DatabasePath + "-wal"));
        var kept = Assert.Single(Directory.EnumerateFiles(host.DataDirectory, "vinylvault.db.before-restore-*"));
        Assert.Equal(2, await TableDump.CountAsync(kept, "Folders"));
        Assert.Equal(1, await TableDump.CountAsync(host.DatabasePath, "Folders"));
    }

    private static string Write(string directory, string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Encoding(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>A copy of the archive changed by <paramref name="change"/> (given the zip and its manifest's text).</summary>
    private static string Edit(string archive, string directory, string name, Action<ZipArchive, string> change)
    {
        var path = Path.Combine(directory, name);
        File.Copy(archive, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        string manifest;
        using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
        {
            manifest = reader.ReadToEnd();
        }

        change(zip, manifest);
        return path;
    }

    private static void Replace(ZipArchive zip, string entryName, byte[] content)
    {
        zip.GetEntry(entryName)?.Delete();
        using var entry = zip.CreateEntry(entryName).Open();
        entry.Write(content);
    }
}
