using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A record label, shared by every release it put out.</summary>
public sealed class Label
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("Labels");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.Name);
    }
}
