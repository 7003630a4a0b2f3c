using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Wantlist;

/// <summary>
/// A release on the owner's Discogs wantlist, keyed by the release id (Discogs keeps one want per release). It holds
/// its own copy of the page data, so a want never adds to or keeps alive the collection's releases.
/// </summary>
public sealed class WantedRelease
{
    public long ReleaseId { get; set; }
    public string Title { get; set; } = "";
    public string ArtistDisplay { get; set; } = "";
    /// <summary>Folded keys (<see cref="Collection.TextFold"/>) for sorting and searching without case or accents.</summary>
    public string ArtistSort { get; set; } = "";
    public string TitleSort { get; set; } = "";
    public string SearchText { get; set; } = "";
    public int? Year { get; set; }
    /// <summary>Format names and descriptions ("Vinyl", "LP", "Album"), stored as a JSON array.</summary>
    public List<string> Formats { get; set; } = [];
    /// <summary>Label names and catalogue numbers, joined with ", " in Discogs' order (the CSV export's columns).</summary>
    public string Labels { get; set; } = "";
    public string CatalogNumbers { get; set; } = "";
    public string? Thumb { get; set; }
    public string? CoverImage { get; set; }
    public string Notes { get; set; } = "";
    public int Rating { get; set; }
    /// <summary>UTC.</summary>
    public DateTime DateAdded { get; set; }
    /// <summary>Fingerprint of what Discogs last listed, so an unchanged want costs no write on the next sync.</summary>
    public long ListedHash { get; set; }
}

internal sealed class WantConfiguration : IEntityTypeConfiguration<WantedRelease>
{
    public void Configure(EntityTypeBuilder<WantedRelease> builder)
    {
        builder.ToTable("Wants");
        builder.HasKey(w => w.ReleaseId);
        builder.Property(w => w.ReleaseId).ValueGeneratedNever();
        builder.HasIndex(w => w.ArtistSort);
        builder.HasIndex(w => w.DateAdded);
    }
}
