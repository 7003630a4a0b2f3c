using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>The value of one custom field (Media Condition, Notes...) on one copy.</summary>
public sealed class InstanceNote
{
    public long InstanceId { get; set; }
    public int FieldId { get; set; }
    public string Value { get; set; } = "";
}

internal sealed class InstanceNoteConfiguration : IEntityTypeConfiguration<InstanceNote>
{
    public void Configure(EntityTypeBuilder<InstanceNote> builder)
    {
        builder.ToTable("InstanceNotes");
        builder.HasKey(n => new { n.InstanceId, n.FieldId });
        builder.HasOne<CollectionInstance>().WithMany(i => i.Notes).HasForeignKey(n => n.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
