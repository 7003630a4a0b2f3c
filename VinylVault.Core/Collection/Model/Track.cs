using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A line of the tracklist, kept in Discogs' order (<see cref="Sequence"/>); headings and index tracks included.</summary>
public sealed class Track
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    /// <summary>"A1", "2-03", or empty for a heading.</summary>
    public string Position { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Duration { get; set; }
    /// <summary>"track", "heading" or "index".</summary>
    public string? Type { get; set; }
}

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.ToTable("Tracks");
        builder.HasKey(t => new { t.ReleaseId, t.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Tracks).HasForeignKey(t => t.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
