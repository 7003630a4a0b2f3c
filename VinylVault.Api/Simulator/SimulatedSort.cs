using VinylVault.Api.Simulator.Generation;

namespace VinylVault.Api.Simulator;

/// <summary>The sort keys Discogs accepts for a collection page; ties fall back to the instance id so pages are stable.</summary>
internal static class SimulatedSort
{
    public static readonly string[] Keys = ["added", "artist", "title", "label", "catno", "format", "rating", "year"];

    public static IEnumerable<SimulatedItem> Apply(IEnumerable<SimulatedItem> items, string sort, bool descending, ReleaseCatalog catalog)
    {
        IOrderedEnumerable<SimulatedItem> ordered = sort switch
        {
            "artist" => By(items, i => catalog.Card(i.ReleaseIndex).Artist, descending),
            "title" => By(items, i => catalog.Card(i.ReleaseIndex).Title, descending),
            "label" => By(items, i => catalog.Card(i.ReleaseIndex).Label, descending),
            "catno" => By(items, i => catalog.Card(i.ReleaseIndex).Catno, descending),
            "format" => By(items, i => catalog.Card(i.ReleaseIndex).Format, descending),
            "rating" => descending ? items.OrderByDescending(i => i.Rating) : items.OrderBy(i => i.Rating),
            "year" => descending ? items.OrderByDescending(i => catalog.Card(i.ReleaseIndex).Year) : items.OrderBy(i => catalog.Card(i.ReleaseIndex).Year),
            _ => descending ? items.OrderByDescending(i => i.DateAdded) : items.OrderBy(i => i.DateAdded),
        };
        return ordered.ThenBy(i => i.InstanceId);
    }

    private static IOrderedEnumerable<SimulatedItem> By(IEnumerable<SimulatedItem> items, Func<SimulatedItem, string> key, bool descending) =>
        descending ? items.OrderByDescending(key, StringComparer.OrdinalIgnoreCase) : items.OrderBy(key, StringComparer.OrdinalIgnoreCase);
}
