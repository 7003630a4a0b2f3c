using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Core.Discogs;

namespace VinylVault.Api.Search;

public sealed record SearchHit(long Id, string Title, string? Artist, int? Year, IReadOnlyList<string> Format, string? Thumb);

public sealed record SearchAnswer(string Query, IReadOnlyList<SearchHit> Results, int Count);

public sealed class SearchRequest
{
    [FromQuery(Name = "q")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "q must not be empty.")]
    [StringLength(200, ErrorMessage = "q must be at most 200 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "limit")]
    [Range(1, 100, ErrorMessage = "limit must be between 1 and 100.")]
    public int? Limit { get; init; }
}

/// <summary>GET /api/search: Discogs' database search, through the one rate limiter. The only endpoint that needs Discogs.</summary>
public static class SearchEndpoints
{
    public const int DefaultLimit = 10;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).WithTags("Search")
            .WithSummary("Search Discogs")
            .WithDescription("Releases matching q on Discogs (one request from the shared budget). 400 on an empty q or a limit outside 1..100; 503 when Discogs is unreachable or no account is set.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<SearchAnswer>, ProblemHttpResult>> Search(
        [AsParameters] SearchRequest request, IDiscogsAccount account, DiscogsClient client, CancellationToken cancellationToken)
    {
        var query = request.Q!.Trim();
        if (account.Token is null)
        {
            return Unavailable("No Discogs account is set up: add one to search Discogs.");
        }

        SearchResults results;
        try
        {
            results = await client.SearchAsync(query, request.Limit ?? DefaultLimit, cancellationToken);
        }
        catch (DiscogsApiException ex)
        {
            return Unavailable($"Discogs could not be searched: {ex.Message} The local collection still works.");
        }

        SearchHit[] hits = [.. results.Results.Select(ToHit)];
        return TypedResults.Ok(new SearchAnswer(query, hits, hits.Length));
    }

    internal static SearchHit ToHit(SearchResult result)
    {
        var (artist, title) = DiscogsDisplay.SplitSearchTitle(result.Title);
        return new SearchHit(result.Id, title, artist, result.Year, result.Format, result.Thumb);
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Discogs is unreachable.", detail: detail);
}
