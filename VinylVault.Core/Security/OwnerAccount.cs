using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Security;

/// <summary>The one person who owns this vault and signs in to the dashboard.</summary>
public sealed class OwnerAccount
{
    /// <summary>Always <see cref="TheOwner"/>: a second owner would collide on the key, even under a race.</summary>
    public int Id { get; set; } = TheOwner;
    public string UserName { get; set; } = "";
    /// <summary>ASP.NET Core Identity's PasswordHasher format (PBKDF2 with a salt and an iteration count).</summary>
    public string PasswordHash { get; set; } = "";
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// Every session cookie carries the stamp it was issued under; a new stamp (sign-out, a new password) ends them
    /// all. Empty only in a row from before stamps existed: the next sign-in gives it one.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    public const int TheOwner = 1;
}

internal sealed class OwnerAccountConfiguration : IEntityTypeConfiguration<OwnerAccount>
{
    public void Configure(EntityTypeBuilder<OwnerAccount> builder)
    {
        builder.ToTable("Owners");
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.UserName).HasMaxLength(OwnerAccounts.MaxUserNameLength);
        builder.Property(o => o.SecurityStamp).HasMaxLength(64);
    }
}
