using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>One format of a release ("2 x Vinyl, LP, Album"), in Discogs' order.</summary>
public sealed class ReleaseFormat
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    public string Name { get; set; } = "";
    public int? Qty { get; set; }
    public string? Text { get; set; }
    /// <summary>Stored as a JSON array; filters query it with json_each.</summary>
    public List<string> Descriptions { get; set; } = [];
}

internal sealed class ReleaseFormatConfiguration : IEntityTypeConfiguration<ReleaseFormat>
{
    public void Configure(EntityTypeBuilder<ReleaseFormat> builder)
    {
        builder.ToTable("ReleaseFormats");
        builder.HasKey(f => new { f.ReleaseId, f.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Formats).HasForeignKey(f => f.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Name).UseCollation("NOCASE");
        builder.HasIndex(f => f.Name);
    }
}
