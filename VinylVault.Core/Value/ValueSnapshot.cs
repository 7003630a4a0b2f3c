using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Value;

/// <summary>
/// The collection's value as Discogs estimated it on one UTC day (GET /users/{u}/collection/value), in the
/// owner's currency. <see cref="Day"/> is unique: never two snapshots on one day.
/// </summary>
public sealed class ValueSnapshot
{
    public int Id { get; set; }
    /// <summary>The UTC date, "yyyy-MM-dd".</summary>
    public string Day { get; set; } = "";
    public DateTime At { get; set; }
    /// <summary>ISO 4217 code ("GBP").</summary>
    public string Currency { get; set; } = "";
    public decimal Minimum { get; set; }
    public decimal Median { get; set; }
    public decimal Maximum { get; set; }
}

internal sealed class ValueSnapshotConfiguration : IEntityTypeConfiguration<ValueSnapshot>
{
    public void Configure(EntityTypeBuilder<ValueSnapshot> builder)
    {
        builder.ToTable("ValueSnapshots");
        builder.HasIndex(s => s.Day).IsUnique();
    }
}
