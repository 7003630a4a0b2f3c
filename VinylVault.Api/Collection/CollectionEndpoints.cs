using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Collection;

/// <summary>The local collection: pages, a release and stats, all read from the database, never from Discogs.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/collection", GetPage).WithTags("Collection");
        api.MapGet("/releases/{release_id:long}", GetRelease).WithTags("Collection")
            .WithSummary("A release with its tracklist, images, notes and owned copies")
            .WithDescription("Answers at once from the local database. A release whose details are not in yet (has_details false) is fetched from Discogs ahead of the running sync; ask again a moment later.");
        api.MapGet("/stats", GetStats).WithTags("Collection");
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
