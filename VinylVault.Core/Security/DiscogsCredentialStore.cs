using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;

namespace VinylVault.Core.Security;

/// <summary>
/// The Discogs account the client stack uses (it replaces the configuration default): kept in the database with
/// the token encrypted by ASP.NET Core Data Protection, and held decrypted in memory only, because the auth
/// handler reads it on every request.
/// </summary>
public sealed class DiscogsCredentialStore(
    IDbContextFactory<VaultDbContext> contexts, IDataProtectionProvider protection, IOptionsMonitor<DiscogsOptions> options,
    TimeProvider time, ILogger<DiscogsCredentialStore> logger) : IDiscogsAccount
{
    private const string Purpose = "VinylVault.Security.DiscogsToken.v1";

    // Credentials being tried before they are saved: only the requests of the caller's async flow see them.
    private static readonly AsyncLocal<Credentials?> Trying = new();

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private volatile Credentials? _stored;

    public Uri BaseAddress => new(Current?.BaseUrl ?? options.CurrentValue.BaseUrl);

    public string? Username => Current?.Username is { Length: > 0 } name ? name : null;

    public string? Token => Current?.Token;

    /// <summary>True when an account is saved (whatever Discogs thinks of its token).</summary>
    public bool HasAccount => _stored is not null;

    /// <summary>The saved username, or "" when only a token was given; null without an account.</summary>
    public string? SavedUsername => _stored?.Username;

    private Credentials? Current => Trying.Value ?? _stored;

    /// <summary>Reads the saved account into memory; called once at start-up.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<StoredDiscogsAccount>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            _stored = null;
            return;
        }

        try
        {
            _stored = new Credentials(row.Username, _protector.Unprotect(row.ProtectedToken), row.BaseUrl);
        }
        catch (CryptographicException)
        {
            // The key ring under the data directory was lost or replaced: the token must be entered again.
            logger.LogWarning("The saved Discogs token cannot be decrypted with the current keys; set the account again");
            _stored = null;
        }
    }

    /// <summary>Saves the account (the token encrypted) and uses it from the next request on.</summary>
    public async Task SaveAsync(string username, string token, string? baseUrl, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<StoredDiscogsAccount>().SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new StoredDiscogsAccount();
            db.Add(row);
        }

        row.Username = username.Trim();
        row.ProtectedToken = _protector.Protect(token.Trim());
        row.BaseUrl = baseUrl;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        _stored = new Credentials(row.Username, token.Trim(), baseUrl);
    }

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<StoredDiscogsAccount>().ExecuteDeleteAsync(cancellationToken);
        _stored = null;
    }

    /// <summary>
    /// Until disposed, Discogs requests made by this async flow use these credentials (to test them before saving).
    /// The base address is read when a client is created: resolve the client inside the scope.
    /// </summary>
    public IDisposable Try(string username, string token, string? baseUrl = null)
    {
        var previous = Trying.Value;
        Trying.Value = new Credentials(username.Trim(), token.Trim(), baseUrl);
        return new Restore(previous);
    }

    /// <summary>True when the saved account already holds exactly these values.</summary>
    public bool Holds(string username, string token) =>
        _stored is { } s && s.Username == username.Trim() && s.Token == token.Trim();

    private sealed record Credentials(string Username, string Token, string? BaseUrl)
    {
        // Records print their members; this one must never print the token.
        public override string ToString() => $"Credentials {{ Username = {Username} }}";
    }

    private sealed class Restore(Credentials? previous) : IDisposable
    {
        public void Dispose() => Trying.Value = previous;
    }
}
