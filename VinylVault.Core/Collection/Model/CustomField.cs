using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A custom field of the collection (Media Condition, Sleeve Condition, Notes) that instance notes refer to.</summary>
public sealed class CustomField
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>"dropdown" or "textarea".</summary>
    public string Type { get; set; } = "";
    public int Position { get; set; }
}

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> builder)
    {
        builder.ToTable("CustomFields");
        builder.Property(f => f.Id).ValueGeneratedNever();
    }
}
