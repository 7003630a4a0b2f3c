using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A record label, shared by every release it put out.</summary>
public sealed class Label
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A release's label with the catalogue number it carries there.</summary>
public sealed class ReleaseLabel
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    public long LabelId { get; set; }
    public string? Catno { get; set; }
    public Label Label { get; set; } = null!;
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("Labels");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.Name);
    }
}

internal sealed class ReleaseLabelConfiguration : IEntityTypeConfiguration<ReleaseLabel>
{
    public void Configure(EntityTypeBuilder<ReleaseLabel> builder)
    {
        builder.ToTable("ReleaseLabels");
        builder.HasKey(l => new { l.ReleaseId, l.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Labels).HasForeignKey(l => l.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Label).WithMany().HasForeignKey(l => l.LabelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.LabelId);
    }
}
