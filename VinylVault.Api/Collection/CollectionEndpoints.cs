using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Collection;

namespace VinylVault.Api.Collection;

/// <summary>The local collection: pages, a release and stats, all read from the database, never from Discogs.</summary>
public static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/collection", GetPage).WithTags("Collection");
        api.MapGet("/releases/{release_id:long}", GetRelease).WithTags("Collection");
        api.MapGet("/stats", GetStats).WithTags("Collection");
        return api;
    }

    private static async Task<Ok<CollectionPageResult>> GetPage([AsParameters] CollectionRequest request, CollectionQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetPageAsync(request.ToQuery(), cancellationToken));

    private static async Task<Results<Ok<ReleaseDetailView>, ProblemHttpResult>> GetRelease(
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "release_id")] long releaseId, CollectionQueries queries, CancellationToken cancellationToken) =>
        await queries.GetReleaseAsync(releaseId, cancellationToken) is { } release
            ? TypedResults.Ok(release)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such release in the collection.",
                detail: $"Release {releaseId} is not in the local collection.");

    private static async Task<Ok<CollectionStats>> GetStats(CollectionQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetStatsAsync(cancellationToken));
}
