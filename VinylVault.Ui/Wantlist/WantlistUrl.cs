using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using VinylVault.Core.Collection;
using VinylVault.Core.Wantlist;

namespace VinylVault.Ui.Wantlist;

/// <summary>The Wantlist page's state in its address, with the keys of GET /api/wantlist (plus view), so a view can be bookmarked.</summary>
public static class WantlistUrl
{
    public const string Path = "/wantlist";
    public const int PageSize = 48;

    public static (WantQuery Query, string View) Parse(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        var values = queryStart < 0 ? [] : QueryHelpers.ParseQuery(uri[queryStart..]);
        string? Text(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        int? Year(string key) => int.TryParse(Text(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 0 and <= 9999 ? year : null;
        var defaults = new WantQuery();
        var query = new WantQuery
        {
            Q = Text("q"),
            InCollection = Text("in_collection") switch { "true" => true, "false" => false, _ => null },
            Rating = int.TryParse(Text("rating"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) && rating is >= 0 and <= 5 ? rating : null,
            Format = Text("format"),
            YearFrom = Year("year_from"),
            YearTo = Year("year_to"),
            Sort = WantQuery.ParseSort(Text("sort")) ?? defaults.Sort,
            Order = Text("order") switch
            {
                "asc" => SortOrder.Asc,
                "desc" => SortOrder.Desc,
                _ => defaults.Order,
            },
            Page = int.TryParse(Text("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 1_000_000 ? page : 1,
            PageSize = PageSize,
        };
        return (query, Text("view") == "table" ? "table" : "grid");
    }

    /// <summary>The address of <paramref name="query"/>: only what differs from the defaults, in a stable order.</summary>
    public static string Build(WantQuery query, string view)
    {
        var defaults = new WantQuery();
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("q", query.Q);
        Add("in_collection", query.InCollection is { } owned ? (owned ? "true" : "false") : null);
        Add("rating", query.Rating?.ToString(CultureInfo.InvariantCulture));
        Add("format", query.Format);
        Add("year_from", query.YearFrom?.ToString(CultureInfo.InvariantCulture));
        Add("year_to", query.YearTo?.ToString(CultureInfo.InvariantCulture));
        Add("sort", query.Sort == defaults.Sort ? null : WantQuery.SortKey(query.Sort));
        Add("order", query.Order == defaults.Order ? null : query.Order.ToString().ToLowerInvariant());
        Add("page", query.Page > 1 ? query.Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("view", view == "table" ? view : null);
        return QueryString.Create(pairs).ToUriComponent() is { Length: > 0 } qs ? Path + qs : Path;
    }

    /// <summary>True when anything but the sort narrows the list (the empty page then says "no wants match").</summary>
    public static bool Filters(WantQuery query) =>
        new object?[] { query.Q, query.InCollection, query.Rating, query.Format, query.YearFrom, query.YearTo }.Any(v => v is not null);
}
