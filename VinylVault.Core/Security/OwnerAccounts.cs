using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Security;

public enum OwnerSetupResult { Created, OwnerExists, InvalidUserName, WeakPassword }

public enum PasswordChangeResult { Changed, WrongPassword, WeakPassword }

/// <summary>The owner's account: first-run set-up, password checks (ASP.NET Core Identity's hasher), the session stamp.</summary>
public sealed class OwnerAccounts(IDbContextFactory<VaultDbContext> contexts, IPasswordHasher<OwnerAccount> hasher, TimeProvider time)
{
    public const int MaxUserNameLength = 64;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    /// <summary>How long a stamp read from the database is trusted; this process updates it at once on every change.</summary>
    public static readonly TimeSpan StampCacheDuration = TimeSpan.FromSeconds(30);

    // There is no way to remove the owner, so once seen the answer never changes; this spares a query per request.
    private volatile bool _exists;
    private volatile CachedStamp? _stamp;
    // A wrong user name costs the same hash check as a wrong password, so timing does not tell which was wrong.
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(new OwnerAccount(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    private sealed record CachedStamp(string? Stamp, long ReadAt);

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _exists = await db.Set<OwnerAccount>().AnyAsync(cancellationToken);
        return _exists;
    }

    public async Task<OwnerSetupResult> CreateAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        userName = userName?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > MaxUserNameLength || userName.Any(char.IsControl))
        {
            return OwnerSetupResult.InvalidUserName;
        }

        if (!IsAcceptable(password))
        {
            return OwnerSetupResult.WeakPassword;
        }

        if (await ExistsAsync(cancellationToken))
        {
            return OwnerSetupResult.OwnerExists;
        }

        var owner = new OwnerAccount { UserName = userName, CreatedAt = time.GetUtcNow().UtcDateTime, SecurityStamp = NewStamp() };
        owner.PasswordHash = hasher.HashPassword(owner, password!);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(owner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two set-up forms posted at once: the fixed key lets only the first one in.
            _exists = true;
            return OwnerSetupResult.OwnerExists;
        }

        _exists = true;
        _stamp = null;
        return OwnerSetupResult.Created;
    }

    /// <summary>The owner if <paramref name="userName"/> and <paramref name="password"/> match, else null.</summary>
    public async Task<OwnerAccount?> VerifyAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Set<OwnerAccount>().SingleOrDefaultAsync(cancellationToken);
        if (owner is null || !string.Equals(owner.UserName, userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            hasher.VerifyHashedPassword(new OwnerAccount(), _dummyHash.Value, password);
            return null;
        }

        return await CheckPasswordAsync(db, owner, password, cancellationToken) ? owner : null;
    }

    /// <summary>The current session stamp (null without an owner), from a short cache.</summary>
    public async Task<string?> GetStampAsync(CancellationToken cancellationToken)
    {
        if (_stamp is { } cached && time.GetElapsedTime(cached.ReadAt) < StampCacheDuration)
        {
            return cached.Stamp;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stamp = await db.Set<OwnerAccount>().Select(o => o.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        _stamp = new CachedStamp(stamp, time.GetTimestamp());
        return stamp;
    }

    /// <summary>The stamp a new session is issued under; a row from before stamps gets its first one here.</summary>
    public async Task<string> GetOrCreateStampAsync(CancellationToken cancellationToken) =>
        await GetStampAsync(cancellationToken) is { Length: > 0 } stamp ? stamp : await RenewStampAsync(cancellationToken);

    /// <summary>A new stamp: every session issued before it ends with its next request.</summary>
    public async Task<string> RenewStampAsync(CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<OwnerAccount>().ExecuteUpdateAsync(s => s.SetProperty(o => o.SecurityStamp, stamp), cancellationToken);
        _stamp = new CachedStamp(stamp, time.GetTimestamp());
        return stamp;
    }

    /// <summary>A new password (after the current one is proven) and a new stamp, which ends every other session.</summary>
    public async Task<PasswordChangeResult> ChangePasswordAsync(string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = await db.Set<OwnerAccount>().SingleOrDefaultAsync(cancellationToken);
        if (owner is null || string.IsNullOrEmpty(currentPassword) || currentPassword.Length > MaxPasswordLength ||
            !await CheckPasswordAsync(db, owner, currentPassword, cancellationToken))
        {
            return PasswordChangeResult.WrongPassword;
        }

        if (!IsAcceptable(newPassword))
        {
            return PasswordChangeResult.WeakPassword;
        }

        owner.PasswordHash = hasher.HashPassword(owner, newPassword!);
        owner.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        _stamp = new CachedStamp(owner.SecurityStamp, time.GetTimestamp());
        return PasswordChangeResult.Changed;
    }

    private async Task<bool> CheckPasswordAsync(VaultDbContext db, OwnerAccount owner, string password, CancellationToken cancellationToken)
    {
        switch (hasher.VerifyHashedPassword(owner, owner.PasswordHash, password))
        {
            case PasswordVerificationResult.SuccessRehashNeeded:
                owner.PasswordHash = hasher.HashPassword(owner, password);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            case PasswordVerificationResult.Success:
                return true;
            default:
                return false;
        }
    }

    private static bool IsAcceptable(string? password) =>
        password is not null && password.Length >= MinPasswordLength && password.Length <= MaxPasswordLength;

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
