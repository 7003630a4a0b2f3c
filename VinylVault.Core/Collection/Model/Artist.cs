using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>An artist, shared by every release that credits it.</summary>
public sealed class Artist
{
    public long Id { get; set; }
    /// <summary>The Discogs name, with its disambiguation suffix ("Persuader, The (2)").</summary>
    public string Name { get; set; } = "";
}

internal sealed class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> builder)
    {
        builder.ToTable("Artists");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => a.Name);
    }
}
