using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>
/// A Discogs release, keyed by its Discogs id. The page data (basic_information) creates it; the detail call fills
/// the rest and sets <see cref="HasDetails"/>, which is the only thing that decides whether it is fetched again.
/// </summary>
public sealed class Release
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Null when Discogs does not know it (it sends 0).</summary>
    public int? Year { get; set; }
    /// <summary>The artists joined as Discogs shows them ("Kruder & Dorfmeister").</summary>
    public string ArtistDisplay { get; set; } = "";
    /// <summary>Lower-case, accent-free keys so sorting and searching ignore case and accents (<see cref="TextFold"/>).</summary>
    public string ArtistSort { get; set; } = "";
    public string TitleSort { get; set; } = "";
    /// <summary>Folded title, artist names and variations, labels and catalogue numbers, for free-text search.</summary>
    public string SearchText { get; set; } = "";
    public string? Thumb { get; set; }
    public string? CoverImage { get; set; }
    public long? MasterId { get; set; }
    /// <summary>Fingerprint of the last page data written, so an unchanged release costs no writes on the next sync.</summary>
    public long BasicHash { get; set; }

    public string? Country { get; set; }
    /// <summary>As Discogs wrote it: "1999-03-13", "1999-03-00" or "1999".</summary>
    public string? Released { get; set; }
    public string? Notes { get; set; }
    public string? DataQuality { get; set; }
    public string? DiscogsUrl { get; set; }
    public int? CommunityHave { get; set; }
    public int? CommunityWant { get; set; }
    public double? CommunityRating { get; set; }
    public int? CommunityRatingCount { get; set; }
    /// <summary>The lowest marketplace price when the details were fetched, in <see cref="PriceCurrency"/>.</summary>
    public decimal? LowestPrice { get; set; }
    /// <summary>The currency the details were asked in (curr_abbr); null when it was not known then.</summary>
    public string? PriceCurrency { get; set; }
    public int? NumForSale { get; set; }

    /// <summary>Set once /releases/{id} was stored; never inferred from an optional field (discogs/README.md).</summary>
    public bool HasDetails { get; set; }
    public DateTime? DetailsFetchedAt { get; set; }
    /// <summary>Discogs answered 404 for the details: not asked again by an incremental sync.</summary>
    public bool DetailsNotFound { get; set; }

    public List<ReleaseArtist> Artists { get; set; } = [];
    public List<ReleaseLabel> Labels { get; set; } = [];
    public List<ReleaseFormat> Formats { get; set; } = [];
    public List<ReleaseGenre> Genres { get; set; } = [];
    public List<ReleaseStyle> Styles { get; set; } = [];
    public List<Track> Tracks { get; set; } = [];
    public List<ReleaseImage> Images { get; set; } = [];
    public List<ReleaseIdentifier> Identifiers { get; set; } = [];
    public List<CollectionInstance> Instances { get; set; } = [];
}

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ToTable("Releases");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasIndex(r => r.ArtistSort);
        builder.HasIndex(r => r.TitleSort);
        builder.HasIndex(r => r.Year);
        // The detail fetcher's work list: owned releases still without details.
        builder.HasIndex(r => r.HasDetails);
    }
}
