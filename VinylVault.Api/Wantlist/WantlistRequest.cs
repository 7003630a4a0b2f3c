using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Api.Collection;
using VinylVault.Core.Collection;
using VinylVault.Core.Wantlist;

namespace VinylVault.Api.Wantlist;

/// <summary>The query string of GET /api/wantlist (format and years as GET /api/collection takes them); every value is checked here and reaches SQL only as a parameter.</summary>
public sealed class WantlistRequest : ReleaseFilterRequest
{
    [FromQuery(Name = "q"), StringLength(200, ErrorMessage = "q must be at most 200 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "in_collection")]
    public bool? InCollection { get; init; }

    [FromQuery(Name = "rating"), Range(0, 5, ErrorMessage = "rating must be between 0 and 5.")]
    public int? Rating { get; init; }

    [FromQuery(Name = "sort"), AllowedValues("artist", "title", "year", "date_added", "rating", null,
        ErrorMessage = "sort must be one of artist, title, year, date_added, rating.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "order"), AllowedValues("asc", "desc", null, ErrorMessage = "order must be asc or desc.")]
    public string? Order { get; init; }

    [FromQuery(Name = "page"), Range(1, 1_000_000, ErrorMessage = "page must be between 1 and 1000000.")]
    public int? Page { get; init; }

    [FromQuery(Name = "page_size"), Range(1, WantQuery.MaxPageSize, ErrorMessage = "page_size must be between 1 and 500.")]
    public int? PageSize { get; init; }

    public WantQuery ToQuery()
    {
        var defaults = new WantQuery();
        return new WantQuery
        {
            Q = Q,
            InCollection = InCollection,
            Rating = Rating,
            Format = Format,
            YearFrom = YearFrom,
            YearTo = YearTo,
            Sort = WantQuery.ParseSort(Sort) ?? defaults.Sort,
            Order = Order switch
            {
                "asc" => SortOrder.Asc,
                "desc" => SortOrder.Desc,
                _ => defaults.Order,
            },
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
        };
    }
}

/// <summary>PUT /api/wantlist/{release_id}: notes and rating (null keeps what the want has); title, artist, year and thumb are optional hints for a release the database lacks.</summary>
public sealed record WantPut(string? Notes, int? Rating, string? Title, string? Artist, int? Year, string? Thumb);
