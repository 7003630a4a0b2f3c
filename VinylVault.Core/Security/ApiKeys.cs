using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Security;

/// <summary>Who a presented API key belongs to: an issued key, or the bootstrap key of the configuration.</summary>
public sealed record ApiKeyIdentity(int? Id, string Name, bool IsBootstrap);

/// <summary>API keys: issued once, stored as a hash, revoked by deletion; plus the configured bootstrap key.</summary>
public sealed class ApiKeys(IDbContextFactory<VaultDbContext> contexts, IOptions<AuthOptions> options, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const string BootstrapName = "bootstrap";
    private const string KeyPrefix = "vv_";

    private readonly byte[]? _bootstrapHash = options.Value.ApiKey is { Length: > 0 } key ? SHA256.HashData(Encoding.UTF8.GetBytes(key)) : null;

    // Issued keys already found, by hash: a script's every request (a cover, a page) must not cost a database query.
    // Only this process writes the keys (a restore is applied at start-up), and a revocation empties the cache and
    // bumps the generation, so that a lookup that raced with it cannot put the revoked key back.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ApiKeyIdentity> _known = new(StringComparer.Ordinal);
    private long _generation;

    /// <summary>Creates a key; the returned secret is the only time the key exists outside the caller's hands.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var secret = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = secret[..10],
            Hash = Convert.ToHexStringLower(Hash(secret)),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Deletes the key; true if it existed. It stops working with the next request.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Set<ApiKey>().Where(k => k.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        lock (_gate)
        {
            _known.Clear();
            _generation++;
        }

        return deleted;
    }

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = Hash(presented);
        if (_bootstrapHash is not null && CryptographicOperations.FixedTimeEquals(hash, _bootstrapHash))
        {
            return new ApiKeyIdentity(null, BootstrapName, IsBootstrap: true);
        }

        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hex = Convert.ToHexStringLower(hash);
        long generation;
        lock (_gate)
        {
            if (_known.TryGetValue(hex, out var known))
            {
                return known;
            }

            generation = _generation;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.Set<ApiKey>().AsNoTracking().Where(k => k.Hash == hex).Select(k => new { k.Id, k.Name }).SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        var identity = new ApiKeyIdentity(key.Id, key.Name, IsBootstrap: false);
        lock (_gate)
        {
            if (generation == _generation)
            {
                _known[hex] = identity;
            }
        }

        return identity;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
