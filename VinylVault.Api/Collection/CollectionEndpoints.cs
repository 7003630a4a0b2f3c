using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Collection;

/// <summary>The runs, newest first, and the quick checks summed (a check is not a run: it would bury them).</summary>
public sealed record SyncHistory(IReadOnlyList<SyncRunView> Runs, QuickCheckSummary QuickChecks);

/// <summary>The local collection: pages, a release, stats and the sync history, all read from the database, never from Discogs.</summary>
public static class CollectionEndpoints
{
    public const int HistoryLength = 50;

    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/collection", GetPage).WithTags("Collection");
        api.MapGet("/releases/{release_id:long}", GetRelease).WithTags("Collection")
            .WithSummary("A release with its tracklist, images, notes and owned copies")
            .WithDescription("Answers at once from the local database. A release whose details are not in yet (has_details false) is fetched from Discogs ahead of the running sync; ask again a moment later.");
        api.MapGet("/stats", GetStats).WithTags("Collection");
        api.MapGet("/sync/history", GetHistory).WithTags("Sync");
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

    private static async Task<Ok<SyncHistory>> GetHistory(
        CollectionQueries queries, QuickCheckLog quickChecks, IOptions<SyncOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SyncHistory(await queries.GetSyncRunsAsync(HistoryLength, cancellationToken), quickChecks.Summary(options.Value.QuickCheckSeconds)));
}
