using System.IO.Compression;

namespace VinylVault.Core.Backups;

/// <summary>
/// Checks an archive and unpacks it into a staging folder, refusing it (<see cref="BackupRefusedException"/>) at the
/// first thing wrong: not a zip or cut short, no manifest, an entry the manifest does not list or one it lists that is
/// missing, a path that would land outside the staging folder, a checksum or size that differs, a database that fails
/// integrity_check or whose schema this app does not know (a newer VinylVault made it). Only the staging folder is written.
/// </summary>
internal static class ArchiveCheck
{
    public static async Task<StagedRestore> StageAsync(string archive, string staging, IReadOnlyList<string> knownMigrations, CancellationToken cancellationToken)
    {
        var manifest = await Task.Run(() => Unpack(archive, staging), cancellationToken);
        if (!knownMigrations.Contains(manifest.SchemaMigration, StringComparer.Ordinal))
        {
            var newest = knownMigrations.Count > 0 ? knownMigrations[^1] : "";
            throw new BackupRefusedException(string.CompareOrdinal(manifest.SchemaMigration, newest) > 0
                ? $"The backup was made by a newer VinylVault (schema {manifest.SchemaMigration}, this app knows up to {newest}). Update VinylVault, then restore it."
                : $"The backup's schema {manifest.SchemaMigration} is not one this VinylVault knows.");
        }

        var facts = await SqliteFiles.ReadFactsAsync(Path.Combine(staging, BackupManifest.DatabaseEntry), cancellationToken);
        if (facts.Integrity != "ok")
        {
            throw new BackupRefusedException($"The backup's database is damaged (integrity_check: {facts.Integrity}).");
        }

        if (facts.Migration != manifest.SchemaMigration)
        {
            throw new BackupRefusedException("The backup's database does not hold the schema its manifest names.");
        }

        return new StagedRestore(staging, manifest);
    }

    private static BackupManifest Unpack(string archive, string staging)
    {
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var manifestEntry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupRefusedException("This is not a VinylVault backup: it has no manifest.json.");
            BackupManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = BackupManifest.Parse(stream) ?? throw new BackupRefusedException("The backup's manifest.json cannot be read (damaged, or from an unknown version).");
            }

            if (manifest.Parts.DistinctBy(p => p.Path).Count() != manifest.Parts.Count || zip.Entries.DistinctBy(e => e.FullName).Count() != zip.Entries.Count)
            {
                throw new BackupRefusedException("The backup names a file twice; it was not restored.");
            }

            var parts = manifest.Parts.ToDictionary(p => p.Path, StringComparer.Ordinal);
            if (!parts.ContainsKey(BackupManifest.DatabaseEntry))
            {
                throw new BackupRefusedException("The backup holds no database.");
            }

            var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            foreach (var entry in zip.Entries.Where(e => e.FullName != BackupManifest.EntryName))
            {
                if (!parts.ContainsKey(entry.FullName))
                {
                    throw new BackupRefusedException($"The backup holds {entry.FullName}, which its manifest does not list.");
                }
            }

            foreach (var part in manifest.Parts)
            {
                var target = Path.GetFullPath(Path.Combine(staging, part.Path));
                if (!Allowed(part.Path) || !target.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new BackupRefusedException($"The backup names a file outside its folder ({part.Path}); it was not restored.");
                }

                var entry = zip.GetEntry(part.Path) ?? throw new BackupRefusedException($"The backup is incomplete: {part.Path} is missing.");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using var source = entry.Open();
                using var file = OwnerOnly.CreateFile(target);
                if (Checksums.Copy(source, file) != (part.Size, part.Sha256))
                {
                    throw new BackupRefusedException($"The backup is damaged: {part.Path} does not match its checksum.");
                }
            }

            return manifest;
        }
        catch (InvalidDataException)
        {
            throw new BackupRefusedException("This is not a readable backup: not a zip archive, or cut short (truncated).");
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new BackupRefusedException("The backup cannot be read: it is damaged or cut short.");
        }
    }

    // Only the parts a backup writes: the database, key files and cover files; no rooted paths, no "..", no backslashes.
    private static bool Allowed(string path) =>
        !path.Contains('\\') && !path.Contains(':') && !Path.IsPathRooted(path) && !path.Split('/').Any(s => s is "" or "." or "..") &&
        (path == BackupManifest.DatabaseEntry || path.StartsWith(BackupManifest.KeysFolder, StringComparison.Ordinal) && path.Count(c => c == '/') == 1 ||
         path.StartsWith(BackupManifest.CoversFolder, StringComparison.Ordinal));
}
