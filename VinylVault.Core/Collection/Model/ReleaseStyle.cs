using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A style of a release ("Downtempo").</summary>
public sealed class ReleaseStyle
{
    public long ReleaseId { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class ReleaseStyleConfiguration : IEntityTypeConfiguration<ReleaseStyle>
{
    public void Configure(EntityTypeBuilder<ReleaseStyle> builder)
    {
        builder.ToTable("ReleaseStyles");
        builder.HasKey(s => new { s.ReleaseId, s.Name });
        builder.Property(s => s.Name).UseCollation("NOCASE");
        builder.HasOne<Release>().WithMany(r => r.Styles).HasForeignKey(s => s.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Name, s.ReleaseId });
    }
}
