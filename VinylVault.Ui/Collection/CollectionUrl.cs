using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using VinylVault.Core.Collection;

namespace VinylVault.Ui.Collection;

/// <summary>
/// The collection page's state in its address, so that a view can be bookmarked and shared. The keys are those of
/// GET /api/collection (docs/design.md), so a URL from the browser reads like a call to the API.
/// </summary>
public static class CollectionUrl
{
    public const string Path = "/collection";

    public static CollectionQuery Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        string? Text(string key) =>
            values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        int? Number(string key) =>
            int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

        var defaults = new CollectionQuery();
        return new CollectionQuery
        {
            Q = Text("q"),
            Genre = Text("genre"),
            Style = Text("style"),
            Format = Text("format"),
            YearFrom = Number("year_from"),
            YearTo = Number("year_to"),
            FolderId = Number("folder_id"),
            Rating = Number("rating") is >= 0 and <= 5 and var r ? r : null,
            Sort = ParseSort(Text("sort")) ?? defaults.Sort,
            Order = Text("order") switch
            {
                "desc" => SortOrder.Desc,
                "asc" => SortOrder.Asc,
                _ => defaults.Order,
            },
        };
    }

    /// <summary>The address of <paramref name="query"/>: only what differs from the defaults, in a stable order.</summary>
    public static string Build(CollectionQuery query, string? view = null)
    {
        var defaults = new CollectionQuery();
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("q", query.Q);
        Add("genre", query.Genre);
        Add("style", query.Style);
        Add("format", query.Format);
        Add("year_from", query.YearFrom?.ToString(CultureInfo.InvariantCulture));
        Add("year_to", query.YearTo?.ToString(CultureInfo.InvariantCulture));
        Add("folder_id", query.FolderId?.ToString(CultureInfo.InvariantCulture));
        Add("rating", query.Rating?.ToString(CultureInfo.InvariantCulture));
        Add("sort", query.Sort == defaults.Sort ? null : SortKey(query.Sort));
        Add("order", query.Order == defaults.Order ? null : query.Order.ToString().ToLowerInvariant());
        Add("view", view);
        return QueryString.Create(pairs).ToUriComponent() is { Length: > 0 } qs ? Path + qs : Path;
    }

    public static string? View(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        return queryStart >= 0 && QueryHelpers.ParseQuery(uri[queryStart..]).TryGetValue("view", out var v)
            ? v.ToString()
            : null;
    }

    public static string SortKey(CollectionSort sort) => sort switch
    {
        CollectionSort.DateAdded => "date_added",
        _ => sort.ToString().ToLowerInvariant(),
    };

    public static CollectionSort? ParseSort(string? key) => key switch
    {
        "artist" => CollectionSort.Artist,
        "title" => CollectionSort.Title,
        "year" => CollectionSort.Year,
        "date_added" or "added" => CollectionSort.DateAdded,
        _ => null,
    };
}
