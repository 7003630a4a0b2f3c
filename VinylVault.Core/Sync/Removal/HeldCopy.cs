using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Sync.Removal;

/// <summary>
/// A copy a complete page pass no longer found, kept because removing it would have been a mass removal
/// (Sync:MaxRemovalPercent). The rows are the held removal: the owner applies or dismisses them; the next sync
/// replaces them with what it finds.
/// </summary>
public sealed class HeldCopy
{
    public long InstanceId { get; set; }
    /// <summary>UTC: when the removal was first held.</summary>
    public DateTime HeldSince { get; set; }
}

internal sealed class HeldCopyConfiguration : IEntityTypeConfiguration<HeldCopy>
{
    public void Configure(EntityTypeBuilder<HeldCopy> builder)
    {
        builder.ToTable("HeldRemovals");
        builder.HasKey(c => c.InstanceId);
        builder.Property(c => c.InstanceId).ValueGeneratedNever();
    }
}

/// <summary>
/// What `sync_status.held_removal` says: how many copies (<paramref name="Count"/>) and how many wants wait to be
/// removed, and since when the first of them was held.
/// </summary>
public sealed record HeldRemoval(int Count, DateTimeOffset Since, int Wants = 0);
