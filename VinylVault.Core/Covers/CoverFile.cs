using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Covers;

public enum CoverState { Cached, Failed, Refused, Evicted }

/// <summary>
/// What the cache knows of one image of a release: where it came from and what became of it. No foreign key to the
/// release: when a release leaves the collection its row is what tells the clean-up which file to delete.
/// </summary>
public sealed class CoverFile
{
    public long ReleaseId { get; set; }
    /// <summary>"thumb", "cover" or "image-{sequence}" (<see cref="CoverKind"/>); with the id, the file's name.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The URL Discogs gave; a different URL later means a new image.</summary>
    public string SourceUrl { get; set; } = "";
    public CoverState State { get; set; }
    public string? ContentType { get; set; }
    public long Bytes { get; set; }
    public string? ETag { get; set; }
    public int Attempts { get; set; }
    /// <summary>A failed download is not tried again before this (Unix milliseconds; backoff per cover, capped).</summary>
    public long? RetryAtMs { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastServedAt { get; set; }
    public string? Error { get; set; }
}

internal sealed class CoverFileConfiguration : IEntityTypeConfiguration<CoverFile>
{
    public void Configure(EntityTypeBuilder<CoverFile> builder)
    {
        builder.ToTable("CoverFiles");
        builder.HasKey(c => new { c.ReleaseId, c.Kind });
        builder.Property(c => c.State).HasConversion<string>();
        builder.HasIndex(c => c.State);
    }
}
