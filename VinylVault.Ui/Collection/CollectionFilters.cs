using VinylVault.Core.Collection;

namespace VinylVault.Ui.Collection;

/// <summary>The filter panel's rules, apart from its markup: each change starts again from the first page.</summary>
public static class CollectionFilters
{
    public static IReadOnlyList<CollectionSort> Sorts { get; } =
        [CollectionSort.Artist, CollectionSort.Title, CollectionSort.Year, CollectionSort.DateAdded];

    public static string SortLabel(CollectionSort sort) => sort switch
    {
        CollectionSort.DateAdded => "Date added",
        _ => sort.ToString(),
    };

    /// <summary>A decade is a year range: 1970 means 1970-1979.</summary>
    public static CollectionQuery WithDecade(CollectionQuery query, int? decade) => query with
    {
        YearFrom = decade,
        YearTo = decade + 9,
        Page = 1,
    };

    public static int? Decade(CollectionQuery query) =>
        query.YearFrom is { } from && from % 10 == 0 && query.YearTo == from + 9 ? from : null;

    public static int ActiveCount(CollectionQuery query) =>
        new object?[] { query.Genre, query.Style, query.Format, query.FolderId, query.Rating }.Count(v => v is not null)
        + (query.YearFrom is not null || query.YearTo is not null ? 1 : 0);

    /// <summary>Everything but the text search and the sort: "clear filters" keeps what the user typed.</summary>
    public static CollectionQuery Cleared(CollectionQuery query) => new()
    {
        Q = query.Q,
        Sort = query.Sort,
        Order = query.Order,
        PageSize = query.PageSize,
    };

    public static string RatingLabel(int rating) => rating == 0 ? "Unrated" : new string('★', rating);

    public static string YearsLabel(CollectionQuery query) => (query.YearFrom, query.YearTo) switch
    {
        ({ } f, { } t) when Decade(query) is not null => $"{f}s",
        ({ } f, { } t) when f == t => $"{f}",
        ({ } f, { } t) => $"{f}–{t}",
        ({ } f, null) => $"from {f}",
        (null, { } t) => $"until {t}",
        _ => "",
    };
}
