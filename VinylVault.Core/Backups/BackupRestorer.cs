using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Security;

namespace VinylVault.Core.Backups;

/// <summary>
/// Restores an archive into the data directory, with the database closed (the `restore` command, or at start-up for a
/// restore staged from Settings). Everything is checked before anything is touched; then the key files are added to the
/// ring (existing keys stay, so nothing they protect is lost), covers are put back, the current database is kept as
/// vinylvault.db.before-restore-&lt;time&gt;, and the restored file replaces it by one rename. An older schema is
/// migrated by the next start.
/// </summary>
public sealed class BackupRestorer(VaultDatabase database, IDbContextFactory<VaultDbContext> contexts, TimeProvider time, ILogger<BackupRestorer> logger)
{
    public const string PendingDirectoryName = "restore-pending";
    private const string StagingPrefix = "restore-staging-";

    /// <summary>Where a restore staged from Settings waits for the next start.</summary>
    public string PendingDirectory => Path.Combine(database.DataDirectory, PendingDirectoryName);

    public bool HasPending => File.Exists(Path.Combine(PendingDirectory, BackupManifest.EntryName));

    /// <summary>Checks the archive and restores it now. Throws <see cref="BackupRefusedException"/> with nothing changed.</summary>
    public async Task<BackupManifest> RestoreAsync(string archive, CancellationToken cancellationToken)
    {
        var staged = await CheckAsync(archive, NewStaging(), cancellationToken);
        await ApplyAsync(staged, cancellationToken);
        return staged.Manifest;
    }

    /// <summary>Checks the archive and keeps it unpacked for the next start (replacing any restore staged before).</summary>
    public async Task<BackupManifest> StageForNextStartAsync(string archive, CancellationToken cancellationToken)
    {
        var staged = await CheckAsync(archive, NewStaging(), cancellationToken);
        if (Directory.Exists(PendingDirectory))
        {
            Directory.Delete(PendingDirectory, recursive: true);
        }

        Directory.Move(staged.Directory, PendingDirectory);
        // The manifest goes in last: it is what marks a staged restore as complete.
        await File.WriteAllBytesAsync(Path.Combine(PendingDirectory, BackupManifest.EntryName), staged.Manifest.ToJson(), cancellationToken);
        logger.LogInformation("Restore of a backup from {CreatedAt:u} staged; it is applied at the next start", staged.Manifest.CreatedAt);
        return staged.Manifest;
    }

    /// <summary>An upload from Settings: kept in the data directory (owner-only) while it is checked and staged.</summary>
    public async Task<BackupManifest> StageUploadAsync(Stream upload, CancellationToken cancellationToken)
    {
        var path = Path.Combine(database.DataDirectory, $"{StagingPrefix}upload-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = OwnerOnly.CreateFile(path))
            {
                await upload.CopyToAsync(file, cancellationToken);
            }

            return await StageForNextStartAsync(path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>At start-up, before the database opens: applies a staged restore whose files still match their checksums.</summary>
    public async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var leftover in Directory.EnumerateFileSystemEntries(database.DataDirectory, StagingPrefix + "*"))
        {
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }
            else
            {
                File.Delete(leftover);
            }
        }

        if (!Directory.Exists(PendingDirectory))
        {
            return;
        }

        BackupManifest? manifest = null;
        if (HasPending)
        {
            await using var stream = File.OpenRead(Path.Combine(PendingDirectory, BackupManifest.EntryName));
            manifest = BackupManifest.Parse(stream);
        }

        if (manifest is null || manifest.Parts.Any(p => !Matches(Path.Combine(PendingDirectory, p.Path), p)))
        {
            logger.LogWarning("A staged restore was incomplete or damaged; it was discarded and the database left as it was");
        }
        else
        {
            await ApplyAsync(new StagedRestore(PendingDirectory, manifest), cancellationToken);
        }

        if (Directory.Exists(PendingDirectory))
        {
            Directory.Delete(PendingDirectory, recursive: true);
        }
    }

    private async Task<StagedRestore> CheckAsync(string archive, string staging, CancellationToken cancellationToken)
    {
        if (!File.Exists(archive))
        {
            throw new BackupRefusedException($"There is no file at {archive}.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToList();
        try
        {
            return await ArchiveCheck.StageAsync(archive, staging, known, cancellationToken);
        }
        catch
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private async Task ApplyAsync(StagedRestore staged, CancellationToken cancellationToken)
    {
        var keys = OwnerOnly.CreateDirectory(Path.Combine(database.DataDirectory, SecurityRegistration.KeysDirectoryName)).FullName;
        foreach (var part in staged.Manifest.Parts)
        {
            var source = Path.Combine(staged.Directory, part.Path);
            if (part.Path.StartsWith(BackupManifest.KeysFolder, StringComparison.Ordinal))
            {
                File.Move(source, Path.Combine(keys, Path.GetFileName(part.Path)), overwrite: true);
            }
            else if (part.Path.StartsWith(BackupManifest.CoversFolder, StringComparison.Ordinal))
            {
                var target = Path.Combine(database.DataDirectory, part.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
            }
        }

        var current = database.FilePath;
        if (File.Exists(current))
        {
            SqliteConnection.ClearAllPools();
            await SqliteFiles.CheckpointAsync(current, cancellationToken);
            var kept = $"{current}.before-restore-{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            File.Copy(current, kept, overwrite: true);
            // A WAL left beside the file would be replayed into the restored database: it belongs to the old one.
            File.Delete(current + "-wal");
            File.Delete(current + "-shm");
            logger.LogInformation("The database before the restore is kept as {Kept}", kept);
        }

        var restored = Path.Combine(staged.Directory, BackupManifest.DatabaseEntry);
        await SqliteFiles.UseWalAsync(restored, cancellationToken);
        File.Move(restored, current, overwrite: true);
        Directory.Delete(staged.Directory, recursive: true);
        logger.LogInformation("Restored the backup made {CreatedAt:u} by VinylVault {Version} ({Releases} releases, {Copies} copies)",
            staged.Manifest.CreatedAt, staged.Manifest.AppVersion, staged.Manifest.Releases, staged.Manifest.Copies);
    }

    private string NewStaging() => OwnerOnly.CreateDirectory(Path.Combine(database.DataDirectory, StagingPrefix + Guid.NewGuid().ToString("N"))).FullName;

    private static bool Matches(string path, BackupPart part) =>
        File.Exists(path) && new FileInfo(path).Length == part.Size && Checksums.OfFile(path) == part.Sha256;
}
