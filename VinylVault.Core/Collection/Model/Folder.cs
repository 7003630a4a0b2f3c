using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VinylVault.Core.Collection;

/// <summary>A collection folder as Discogs lists it (0 "All" and 1 "Uncategorized" included).</summary>
public sealed class Folder
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>A custom field of the collection (Media Condition, Sleeve Condition, Notes) that instance notes refer to.</summary>
public sealed class CustomField
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>"dropdown" or "textarea".</summary>
    public string Type { get; set; } = "";
    public int Position { get; set; }
    /// <summary>A dropdown's allowed values, in Discogs' order (empty for a textarea).</summary>
    public List<string> Options { get; set; } = [];
}

internal sealed class FolderConfiguration : IEntityTypeConfiguration<Folder>
{
    public void Configure(EntityTypeBuilder<Folder> builder)
    {
        builder.ToTable("Folders");
        builder.Property(f => f.Id).ValueGeneratedNever();
    }
}

internal sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> builder)
    {
        builder.ToTable("CustomFields");
        builder.Property(f => f.Id).ValueGeneratedNever();
    }
}
