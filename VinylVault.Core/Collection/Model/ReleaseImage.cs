using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>An image of a release. URLs are signed by Discogs and kept exactly as sent.</summary>
public sealed class ReleaseImage
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    /// <summary>"primary" or "secondary".</summary>
    public string Type { get; set; } = "";
    public string Uri { get; set; } = "";
    public string? Uri150 { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
}

internal sealed class ReleaseImageConfiguration : IEntityTypeConfiguration<ReleaseImage>
{
    public void Configure(EntityTypeBuilder<ReleaseImage> builder)
    {
        builder.ToTable("ReleaseImages");
        builder.HasKey(i => new { i.ReleaseId, i.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Images).HasForeignKey(i => i.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
