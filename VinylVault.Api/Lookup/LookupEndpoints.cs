using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Api.Search;
using VinylVault.Core.Collection;
using VinylVault.Core.Lookup;

namespace VinylVault.Api.Lookup;

public sealed class LookupRequest
{
    [FromQuery(Name = "barcode"), StringLength(100, ErrorMessage = "barcode must be at most 100 characters.")]
    public string? Barcode { get; init; }

    [FromQuery(Name = "catno"), StringLength(100, ErrorMessage = "catno must be at most 100 characters.")]
    public string? Catno { get; init; }

    [FromQuery(Name = "q"), StringLength(200, ErrorMessage = "q must be at most 200 characters.")]
    public string? Q { get; init; }
}

/// <summary>
/// "Do I own this?" Owned copies of the releases found (the items of GET /api/collection), the wantlist's
/// entries for them, and Discogs' search results, or null for those when Discogs is not reachable.
/// </summary>
public sealed record LookupAnswer(IReadOnlyList<CollectionItemView> Owned, IReadOnlyList<object> Wanted, IReadOnlyList<SearchHit>? Discogs);

/// <summary>GET /api/lookup: by barcode, catalogue number or text; the local part works offline.</summary>
public static class LookupEndpoints
{
    public static RouteGroupBuilder MapLookupEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/lookup", Lookup).WithTags("Lookup")
            .WithSummary("Do I own this?")
            .WithDescription("Exactly one of barcode (spaces, dashes and a missing leading zero ignored: UPC-A and EAN-13 meet), catno (case, spaces and " +
                "dashes ignored) or q (text; also tried as a barcode or catalogue number). owned and wanted come from the local database and answer " +
                "offline; discogs is Discogs' search (one or two requests from the shared budget), null when Discogs is unreachable.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<LookupAnswer>, ValidationProblem>> Lookup(
        [AsParameters] LookupRequest request, CollectionLookup lookup, CancellationToken cancellationToken)
    {
        (string Name, string? Value)[] given = [("barcode", request.Barcode), ("catno", request.Catno), ("q", request.Q)];
        var present = given.Where(p => p.Value is not null).ToList();
        if (present.Count != 1)
        {
            var name = present.Count == 0 ? "q" : present[1].Name;
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [name] = ["Give exactly one of barcode, catno or q."],
            });
        }

        var (parameter, text) = (present[0].Name, present[0].Value!.Trim());
        if (text.Length == 0 || (parameter == "barcode" && !text.Any(char.IsAsciiDigit)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [parameter] = [parameter == "barcode" ? "barcode must contain digits." : $"{parameter} must not be empty."],
            });
        }

        var query = new LookupQuery(parameter switch { "barcode" => LookupKind.Barcode, "catno" => LookupKind.Catno, _ => LookupKind.Text }, text);
        var owned = await lookup.OwnedAsync(query, cancellationToken);
        var discogs = await lookup.DiscogsAsync(query, cancellationToken);
        return TypedResults.Ok(new LookupAnswer(owned, [], discogs?.Select(SearchEndpoints.ToHit).ToList()));
    }
}
