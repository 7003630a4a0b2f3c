using VinylVault.Core.Collection;

namespace VinylVault.Ui.Stats;

/// <summary>Chart data that stays readable: the biggest slices by name, the long tail summed as "Other".</summary>
public static class ChartSlices
{
    public const string Other = "Other";

    public static IReadOnlyList<CountBy> Top(IReadOnlyList<CountBy> counts, int slices)
    {
        var ordered = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (ordered.Count <= slices)
        {
            return ordered;
        }

        var rest = ordered.Skip(slices - 1).Sum(c => c.Count);
        return [.. ordered.Take(slices - 1), new CountBy(Other, rest)];
    }

    /// <summary>Share of the whole, as a label: "Rock · 42 %".</summary>
    public static string Percent(CountBy slice, int total) =>
        total == 0 ? "0 %" : $"{Math.Round(100.0 * slice.Count / total):0} %";
}
