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

internal sealed class FolderConfiguration : IEntityTypeConfiguration<Folder>
{
    public void Configure(EntityTypeBuilder<Folder> builder)
    {
        builder.ToTable("Folders");
        builder.Property(f => f.Id).ValueGeneratedNever();
    }
}
