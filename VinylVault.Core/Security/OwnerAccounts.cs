using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;

namespace VinylVault.Core.Security;

public enum OwnerSetupResult { Created, OwnerExists, InvalidUserName, WeakPassword }

/// <summary>The owner's account: first-run set-up and password checks, with ASP.NET Core Identity's hasher.</summary>
public sealed class OwnerAccounts(IDbContextFactory<VaultDbContext> contexts, IPasswordHasher<OwnerAccount> hasher, TimeProvider time)
{
    public const int MaxUserNameLength = 64;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 256;

    // There is no way to remove the owner, so once seen the answer never changes; this spares a query per request.
    private volatile bool _exists;

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

        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            return OwnerSetupResult.WeakPassword;
        }

        if (await ExistsAsync(cancellationToken))
        {
            return OwnerSetupResult.OwnerExists;
        }

        var owner = new OwnerAccount { UserName = userName, CreatedAt = time.GetUtcNow().UtcDateTime };
        owner.PasswordHash = hasher.HashPassword(owner, password);
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
            return null;
        }

        switch (hasher.VerifyHashedPassword(owner, owner.PasswordHash, password))
        {
            case PasswordVerificationResult.SuccessRehashNeeded:
                owner.PasswordHash = hasher.HashPassword(owner, password);
                await db.SaveChangesAsync(cancellationToken);
                return owner;
            case PasswordVerificationResult.Success:
                return owner;
            default:
                return null;
        }
    }
}
