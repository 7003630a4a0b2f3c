using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Security;

/// <summary>The Discogs account the vault syncs: one row, the token encrypted with ASP.NET Core Data Protection.</summary>
public sealed class StoredDiscogsAccount
{
    public int Id { get; set; } = TheAccount;
    public string Username { get; set; } = "";
    /// <summary>The Data Protection payload of the token; the plain token is never written anywhere.</summary>
    public string ProtectedToken { get; set; } = "";
    /// <summary>Another Discogs-compatible server (the demo simulator); null means Discogs:BaseUrl.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; set; }

    public const int TheAccount = 1;
}

internal sealed class StoredDiscogsAccountConfiguration : IEntityTypeConfiguration<StoredDiscogsAccount>
{
    public void Configure(EntityTypeBuilder<StoredDiscogsAccount> builder)
    {
        builder.ToTable("DiscogsAccounts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Username).HasMaxLength(100);
    }
}
