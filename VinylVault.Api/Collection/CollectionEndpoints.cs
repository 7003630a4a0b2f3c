using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Api.Http;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Collection;

/// <summary>The local collection: pages, a release and stats, all read from the database, never from Discogs.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/collection", GetPage).LocalRead().WithTags("Collection")
            .WithSummary("A page of the collection")
            .WithDescription("Owned copies from the local database, filtered (free text, genre, style, format, years, folder, rating), sorted and paged. 400 names a parameter out of range.")
            .ProducesValidationProblem();
        api.MapGet("/releases/{release_id:long}", GetRelease).LocalRead().WithTags("Collection")
            .WithSummary("One release of the collection")
            .WithDescription("The release with its tracklist, images, notes and the copies owned, at once from the local database; 404 when it is not in the collection. " +
                "A release whose details are not in yet (has_details false) is fetched from Discogs ahead of the running sync: ask again a moment later.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/stats", GetStats).LocalRead().WithTags("Collection")
            .WithSummary("Collection statistics")
            .WithDescription("Totals, counts by genre, decade and format, the top artists and the last sync, from the local database.");
        return api;
    }

    private static async Task<Ok<CollectionPageResult>> GetPage([AsParameters] CollectionRequest request, CollectionQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetPageAsync(request.ToQuery(), cancellationToken));

    // Answers at once from the database; a release without details is asked for ahead of the sync, so the same
    // GET a moment later has them (has_details turns true).
    private static async Task<Results<Ok<ReleaseDetailView>, ProblemHttpResult>> GetRelease(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "release_id")] long releaseId, CollectionQueries queries, ReleaseDetailRequests details,
        CancellationToken cancellationToken)
    {
        if (await queries.GetReleaseAsync(releaseId, cancellationToken) is not { } release)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such release in the collection.",
                detail: $"Release {releaseId} is not in the local collection.");
        }

        if (!release.HasDetails)
        {
            details.Request(releaseId);
        }

        return TypedResults.Ok(release);
    }

    private static async Task<Ok<CollectionStats>> GetStats(CollectionQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetStatsAsync(cancellationToken));
}
