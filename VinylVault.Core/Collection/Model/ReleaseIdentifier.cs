using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>
/// One identifier printed on a release, from its details (<c>identifiers[]</c>: Barcode, Matrix / Runout, Label Code,
/// ...). <see cref="Key"/> is what a lookup compares: for a barcode its digits without leading zeros, so UPC-A and
/// EAN-13 spellings of one code meet (<see cref="Lookup.LookupKeys"/>).
/// </summary>
public sealed class ReleaseIdentifier
{
    public long ReleaseId { get; set; }
    public int Sequence { get; set; }
    public string Type { get; set; } = "";
    public string Value { get; set; } = "";
    public string? Description { get; set; }
    public string Key { get; set; } = "";
}

internal sealed class ReleaseIdentifierConfiguration : IEntityTypeConfiguration<ReleaseIdentifier>
{
    public void Configure(EntityTypeBuilder<ReleaseIdentifier> builder)
    {
        builder.ToTable("ReleaseIdentifiers");
        builder.HasKey(i => new { i.ReleaseId, i.Sequence });
        builder.HasOne<Release>().WithMany(r => r.Identifiers).HasForeignKey(i => i.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.Key, i.Type });
    }
}
