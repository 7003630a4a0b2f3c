using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Core.Collection;

namespace VinylVault.Api.Collection;

/// <summary>The query string of GET /api/collection (format and years in <see cref="ReleaseFilterRequest"/>); every value is checked here and reaches SQL only as a parameter.</summary>
public sealed class CollectionRequest : ReleaseFilterRequest
{
    [FromQuery(Name = "q"), StringLength(200, ErrorMessage = "q must be at most 200 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "genre"), StringLength(100, ErrorMessage = "genre must be at most 100 characters.")]
    public string? Genre { get; init; }

    [FromQuery(Name = "style"), StringLength(100, ErrorMessage = "style must be at most 100 characters.")]
    public string? Style { get; init; }

    [FromQuery(Name = "folder_id"), Range(0, int.MaxValue, ErrorMessage = "folder_id must be 0 (all) or a folder id.")]
    public int? FolderId { get; init; }

    [FromQuery(Name = "rating"), Range(0, 5, ErrorMessage = "rating must be between 0 (unrated) and 5.")]
    public int? Rating { get; init; }

    [FromQuery(Name = "sort"), AllowedValues("artist", "title", "year", "date_added", null,
        ErrorMessage = "sort must be one of artist, title, year, date_added.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "order"), AllowedValues("asc", "desc", null, ErrorMessage = "order must be asc or desc.")]
    public string? Order { get; init; }

    [FromQuery(Name = "page"), Range(1, 1_000_000, ErrorMessage = "page must be between 1 and 1000000.")]
    public int? Page { get; init; }

    [FromQuery(Name = "page_size"), Range(1, CollectionQuery.MaxPageSize, ErrorMessage = "page_size must be between 1 and 500.")]
    public int? PageSize { get; init; }

    public CollectionQuery ToQuery()
    {
        var defaults = new CollectionQuery();
        return new CollectionQuery
        {
            Q = Q,
            Genre = Genre,
            Style = Style,
            Format = Format,
            YearFrom = YearFrom,
            YearTo = YearTo,
            FolderId = FolderId,
            Rating = Rating,
            Sort = Sort switch
            {
                "title" => CollectionSort.Title,
                "year" => CollectionSort.Year,
                "date_added" => CollectionSort.DateAdded,
                "artist" => CollectionSort.Artist,
                _ => defaults.Sort,
            },
            Order = Order switch
            {
                "desc" => SortOrder.Desc,
                "asc" => SortOrder.Asc,
                _ => defaults.Order,
            },
            Page = Page ?? defaults.Page,
            PageSize = PageSize ?? defaults.PageSize,
        };
    }
}
