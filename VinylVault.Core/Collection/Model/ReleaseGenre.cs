using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A genre of a release ("Electronic").</summary>
public sealed class ReleaseGenre
{
    public long ReleaseId { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class ReleaseGenreConfiguration : IEntityTypeConfiguration<ReleaseGenre>
{
    public void Configure(EntityTypeBuilder<ReleaseGenre> builder)
    {
        builder.ToTable("ReleaseGenres");
        builder.HasKey(g => new { g.ReleaseId, g.Name });
        // Filters match "electronic" to "Electronic" and still use the index.
        builder.Property(g => g.Name).UseCollation("NOCASE");
        builder.HasOne<Release>().WithMany(r => r.Genres).HasForeignKey(g => g.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        // The genre filter and facet: name first, so "all releases of this genre" is an index range.
        builder.HasIndex(g => new { g.Name, g.ReleaseId });
    }
}
