using VinylVault.Core.Collection;

namespace VinylVault.Ui.Collection;

public sealed record FolderOption(int Id, string Name);

/// <summary>What the filter panel offers: the values that occur in the collection.</summary>
public sealed record FilterChoices(
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Styles,
    IReadOnlyList<string> Formats,
    IReadOnlyList<FolderOption> Folders,
    IReadOnlyList<int> Decades)
{
    public static FilterChoices Empty { get; } = new([], [], [], [], []);

    /// <summary>Names in alphabetical order (the facets come most common first); folder 0, "All", is no filter.</summary>
    public static FilterChoices From(CollectionFacets facets)
    {
        static IReadOnlyList<string> Names(IReadOnlyList<CountBy> counts) =>
            [.. counts.Select(c => c.Name).Where(n => n.Length > 0).Order(StringComparer.OrdinalIgnoreCase)];

        var decades = facets is { YearMin: { } min, YearMax: { } max }
            ? Enumerable.Range(min / 10, max / 10 - min / 10 + 1).Select(d => d * 10).ToList()
            : [];
        return new FilterChoices(
            Names(facets.Genres), Names(facets.Styles), Names(facets.Formats),
            [.. facets.Folders.Where(f => f.Id != 0).Select(f => new FolderOption(f.Id, f.Name))],
            decades);
    }
}
