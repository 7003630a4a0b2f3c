using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Sync.Removal;

/// <summary>
/// A want a complete wantlist pass no longer found, kept because removing it would have been a mass removal: the
/// wantlist's part of the one held removal (<see cref="HeldRemovals"/>), applied or dismissed with the copies.
/// </summary>
public sealed class HeldWant
{
    public long ReleaseId { get; set; }
    /// <summary>UTC: when the removal of wants was first held.</summary>
    public DateTime HeldSince { get; set; }
}

internal sealed class HeldWantConfiguration : IEntityTypeConfiguration<HeldWant>
{
    public void Configure(EntityTypeBuilder<HeldWant> builder)
    {
        builder.ToTable("HeldWantRemovals");
        builder.HasKey(w => w.ReleaseId);
        builder.Property(w => w.ReleaseId).ValueGeneratedNever();
    }
}
