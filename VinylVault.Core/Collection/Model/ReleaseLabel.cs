using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A release's label with the catalogue number it carries there.</summary>
public sealed class ReleaseLabel
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    public long LabelId { get; set; }
    public string? Catno { get; set; }
    /// <summary>The catalogue number folded for lookup ("SK 026" and "sk-026" are "SK026"); null when there is none.</summary>
    public string? CatnoKey { get; set; }
    public Label Label { get; set; } = null!;
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
        builder.HasIndex(l => l.CatnoKey);
    }
}
