using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>
/// One owned copy of a release: the key is Discogs' instance_id, because the same release can be owned twice
/// (two copies, two folders).
/// </summary>
public sealed class CollectionInstance
{
    public long InstanceId { get; set; }
    public long ReleaseId { get; set; }
    public int FolderId { get; set; }
    /// <summary>0 (unrated) to 5.</summary>
    public int Rating { get; set; }
    /// <summary>UTC.</summary>
    public DateTime DateAdded { get; set; }
    public Release Release { get; set; } = null!;
    public List<InstanceNote> Notes { get; set; } = [];
}

internal sealed class CollectionInstanceConfiguration : IEntityTypeConfiguration<CollectionInstance>
{
    public void Configure(EntityTypeBuilder<CollectionInstance> builder)
    {
        builder.ToTable("CollectionInstances");
        builder.HasKey(i => i.InstanceId);
        builder.Property(i => i.InstanceId).ValueGeneratedNever();
        builder.HasOne(i => i.Release).WithMany(r => r.Instances).HasForeignKey(i => i.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.ReleaseId);
        builder.HasIndex(i => i.FolderId);
        builder.HasIndex(i => i.Rating);
        builder.HasIndex(i => i.DateAdded);
    }
}
