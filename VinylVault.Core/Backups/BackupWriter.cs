using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Security;

namespace VinylVault.Core.Backups;

/// <summary>
/// Makes one archive: a consistent copy of the live database, the Data Protection key ring, the cover cache when
/// Backup:IncludeCovers says so, and the manifest. Everything is written under a ".partial-" name, verified (the copy's
/// integrity_check before it is packed, every entry's checksum after), and only then renamed: a kill at any moment
/// leaves a partial file, never an archive that looks complete. One backup at a time.
/// </summary>
public sealed class BackupWriter(
    BackupStore store, VaultDatabase database, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupWriter> logger) : IDisposable
{
    public const string CoversDirectoryName = "covers";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<BackupInfo> CreateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            OwnerOnly.CreateDirectory(store.Directory);
            store.Prune(int.MaxValue);
            var createdAt = time.GetUtcNow().UtcDateTime;
            var name = store.NewName(createdAt);
            var work = OwnerOnly.CreateDirectory(Path.Combine(store.Directory, BackupStore.PartialPrefix + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var copy = Path.Combine(work, BackupManifest.DatabaseEntry);
                await SqliteFiles.CopyAsync(database.FilePath, copy, cancellationToken);
                var facts = await SqliteFiles.ReadFactsAsync(copy, cancellationToken);
                if (facts.Integrity != "ok" || facts.Migration is null)
                {
                    throw new InvalidOperationException($"The copy of the database failed its integrity check: {facts.Integrity}");
                }

                var archive = Path.Combine(work, name);
                var sha = await Task.Run(() => Pack(archive, copy, facts, createdAt), cancellationToken);
                var final = Path.Combine(store.Directory, name);
                await File.WriteAllTextAsync(final + ".sha256", $"{sha}  {name}\n", cancellationToken);
                File.Move(archive, final);
                logger.LogInformation("Backup {Name} written ({Releases} releases, {Copies} copies)", name, facts.Releases, facts.Copies);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }

            store.Prune(options.Value.Keep);
            return store.Find(name)!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string Pack(string archive, string copy, DatabaseFacts facts, DateTime createdAt)
    {
        var parts = new List<BackupPart>();
        using (var file = OwnerOnly.CreateFile(archive))
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                parts.Add(Add(zip, BackupManifest.DatabaseEntry, copy, CompressionLevel.Optimal));
                foreach (var key in Files(Path.Combine(database.DataDirectory, SecurityRegistration.KeysDirectoryName), "*.xml"))
                {
                    parts.Add(Add(zip, BackupManifest.KeysFolder + Path.GetFileName(key), key, CompressionLevel.Optimal));
                }

                var covers = Path.Combine(database.DataDirectory, CoversDirectoryName);
                if (options.Value.IncludeCovers)
                {
                    foreach (var cover in Files(covers, "*", SearchOption.AllDirectories))
                    {
                        var relative = Path.GetRelativePath(covers, cover).Replace(Path.DirectorySeparatorChar, '/');
                        parts.Add(Add(zip, BackupManifest.CoversFolder + relative, cover, CompressionLevel.NoCompression));
                    }
                }

                var manifest = new BackupManifest(BackupManifest.CurrentFormat, BackupManifest.AppVersionNow, facts.Migration!, createdAt,
                    facts.Releases, facts.Copies, facts.Wants, parts);
                using var entry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).Open();
                entry.Write(manifest.ToJson());
            }

            file.Flush(flushToDisk: true);
        }

        Verify(archive, parts);
        return Checksums.OfFile(archive);
    }

    private static BackupPart Add(ZipArchive zip, string entryName, string path, CompressionLevel level)
    {
        using var source = File.OpenRead(path);
        using var entry = zip.CreateEntry(entryName, level).Open();
        var (size, sha) = Checksums.Copy(source, entry);
        return new BackupPart(entryName, size, sha);
    }

    // Reads back what reached the disk: a part that does not hash as it did when packed stops the backup here.
    private static void Verify(string archive, List<BackupPart> parts)
    {
        using var zip = ZipFile.OpenRead(archive);
        foreach (var part in parts)
        {
            using var entry = zip.GetEntry(part.Path)?.Open() ?? throw new InvalidOperationException($"{part.Path} is missing from the new archive");
            if (Checksums.Copy(entry, Stream.Null) != (part.Size, part.Sha256))
            {
                throw new InvalidOperationException($"{part.Path} did not verify in the new archive");
            }
        }
    }

    private static IEnumerable<string> Files(string directory, string pattern, SearchOption search = SearchOption.TopDirectoryOnly) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern, search).Order(StringComparer.Ordinal) : [];
}
