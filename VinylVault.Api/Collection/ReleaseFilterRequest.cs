using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace VinylVault.Api.Collection;

/// <summary>
/// The filters GET /api/collection and GET /api/wantlist share, so a parameter has one name and one check in both;
/// every value is checked here and reaches SQL only as a parameter.
/// </summary>
public abstract class ReleaseFilterRequest
{
    [FromQuery(Name = "format"), StringLength(100, ErrorMessage = "format must be at most 100 characters.")]
    public string? Format { get; init; }

    [FromQuery(Name = "year_from"), Range(0, 9999, ErrorMessage = "year_from must be a year between 0 and 9999.")]
    public int? YearFrom { get; init; }

    [FromQuery(Name = "year_to"), Range(0, 9999, ErrorMessage = "year_to must be a year between 0 and 9999.")]
    public int? YearTo { get; init; }
}
