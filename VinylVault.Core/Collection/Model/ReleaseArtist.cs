using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A release's artist credit, in Discogs' order, keeping the name variation (anv) and the join text.</summary>
public sealed class ReleaseArtist
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    public long ArtistId { get; set; }
    public string? Anv { get; set; }
    public string? Join { get; set; }
    public Artist Artist { get; set; } = null!;
}

internal sealed class ReleaseArtistConfiguration : IEntityTypeConfiguration<ReleaseArtist>
{
    public void Configure(EntityTypeBuilder<ReleaseArtist> builder)
    {
        builder.ToTable("ReleaseArtists");
        builder.HasKey(a => new { a.ReleaseId, a.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Artists).HasForeignKey(a => a.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Artist).WithMany().HasForeignKey(a => a.ArtistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ArtistId);
    }
}
