using System.Collections.Concurrent;
using System.Security.Cryptography;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Covers;

/// <summary>A cached image as the endpoint serves it.</summary>
public sealed record CachedCover(long ReleaseId, string Kind, string SourceUrl, string Path, string ContentType, string ETag, long Bytes)
{
    /// <summary>UTC ticks of the last time it was served or written: the LRU order of eviction.</summary>
    public long LastUsed { get; set; }
}

/// <summary>
/// The files under covers/ and an in-memory index of them, so that serving a cover costs no database query. Files
/// are written to covers/.partial first and renamed into place, so a kill never leaves half an image under a final
/// name; whatever .partial holds at start-up is a download that was cut short, and is deleted.
/// </summary>
public sealed class CoverStore
{
    private readonly ConcurrentDictionary<(long, string), CachedCover> _index = new();
    private readonly ConcurrentDictionary<(long, string), byte> _served = new();
    private readonly TimeProvider _time;
    private long _bytes;

    public CoverStore(VaultDatabase database, TimeProvider time)
    {
        _time = time;
        Directory = System.IO.Path.Combine(database.DataDirectory, "covers");
        PartialDirectory = System.IO.Path.Combine(Directory, ".partial");
    }

    public string Directory { get; }

    public string PartialDirectory { get; }

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Files => _index.Count;

    public IEnumerable<CachedCover> All => _index.Values;

    /// <summary>Indexes the rows the database says are cached and whose file exists; clears what a kill left half written.</summary>
    public IReadOnlyList<CoverFile> Load(IEnumerable<CoverFile> cachedRows)
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (System.IO.Directory.Exists(PartialDirectory))
        {
            System.IO.Directory.Delete(PartialDirectory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(PartialDirectory);
        var lost = new List<CoverFile>();
        foreach (var row in cachedRows)
        {
            var path = System.IO.Path.Combine(Directory, CoverKind.FileName(row.ReleaseId, row.Kind, row.ContentType!));
            // A power cut may leave a renamed file shorter than written; a kill cannot (the rename comes last).
            if (new FileInfo(path) is { Exists: true } file && file.Length == row.Bytes)
            {
                Add(new CachedCover(row.ReleaseId, row.Kind, row.SourceUrl, path, row.ContentType!, row.ETag!, row.Bytes)
                {
                    LastUsed = (row.LastServedAt ?? row.UpdatedAt).Ticks,
                });
            }
            else
            {
                lost.Add(row);
            }
        }

        return lost;
    }

    /// <summary>Whether the image of <paramref name="sourceUrl"/> is cached (without counting as served).</summary>
    public bool Has(long releaseId, string kind, string sourceUrl) =>
        _index.TryGetValue((releaseId, kind), out var cover) && cover.SourceUrl == sourceUrl;

    public bool TryGet(long releaseId, string kind, out CachedCover cover)
    {
        if (_index.TryGetValue((releaseId, kind), out cover!))
        {
            cover.LastUsed = Now;
            _served.TryAdd((releaseId, kind), 0);
            return true;
        }

        return false;
    }

    /// <summary>Writes the image atomically (temporary file, flush, rename) and indexes it.</summary>
    public async Task<CachedCover> WriteAsync(long releaseId, string kind, string sourceUrl, byte[] data, int length, string contentType, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.Combine(Directory, CoverKind.FileName(releaseId, kind, contentType));
        var partial = System.IO.Path.Combine(PartialDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync(data.AsMemory(0, length), cancellationToken);
                await file.FlushAsync(cancellationToken);
                // On disk before the rename: a power cut must not leave a renamed but empty file.
                RandomAccess.FlushToDisk(file.SafeFileHandle);
            }

            // Another kind of file for the same key (a PNG that became a JPEG) goes first.
            Remove(releaseId, kind);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(data.AsSpan(0, length)))[..32] + "\"";
        var cover = new CachedCover(releaseId, kind, sourceUrl, path, contentType, etag, length) { LastUsed = Now };
        Add(cover);
        return cover;
    }

    /// <summary>Forgets and deletes the file of (release, kind), if any.</summary>
    public void Remove(long releaseId, string kind)
    {
        if (_index.TryRemove((releaseId, kind), out var old))
        {
            Interlocked.Add(ref _bytes, -old.Bytes);
            File.Delete(old.Path);
        }
    }

    /// <summary>The covers served since the last call, with when: persisted now and then for the LRU order after a restart.</summary>
    public List<(long ReleaseId, string Kind, DateTime At)> TakeServed()
    {
        var served = new List<(long, string, DateTime)>();
        foreach (var key in _served.Keys)
        {
            if (_served.TryRemove(key, out _) && _index.TryGetValue(key, out var cover))
            {
                served.Add((key.Item1, key.Item2, new DateTime(cover.LastUsed, DateTimeKind.Utc)));
            }
        }

        return served;
    }

    private long Now => _time.GetUtcNow().UtcTicks;

    private void Add(CachedCover cover)
    {
        _index[(cover.ReleaseId, cover.Kind)] = cover;
        Interlocked.Add(ref _bytes, cover.Bytes);
    }
}
