using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using VinylVault.Core.Covers;

namespace VinylVault.Api.Covers;

/// <summary>
/// The cover cache over HTTP: /covers/{release_id}/thumb|cover (and /images/{n}, the other images of a release, once
/// its page is opened) from disk, fetched through once when missing; /api/covers, what the cache holds.
/// </summary>
public static class CoverEndpoints
{
    // A cached file never changes under its URL's ETag: a new image from Discogs comes with a new ETag.
    private const string CacheControl = "private, max-age=31536000, immutable";

    /// <summary>GET /api/covers on the /api group.</summary>
    public static RouteGroupBuilder MapCoverEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/covers", async (CoverLane lane, CancellationToken cancellationToken) => TypedResults.Ok(await lane.StatsAsync(cancellationToken)))
            .WithTags("Covers")
            .WithSummary("What the cover cache holds")
            .WithDescription("Thumbs and covers of the collection by state (cached, missing, failed, refused), the bytes of every cached file, and the downloads queued now.");
        return api;
    }

    /// <summary>/covers/...: the same authentication as /api (the owner's cookie or a key), 401 ProblemDetails without it.</summary>
    public static WebApplication MapCoverFiles(this WebApplication app)
    {
        var covers = app.MapGroup("/covers").RequireAuthorization().WithTags("Covers");
        foreach (var kind in (string[])[CoverKind.Thumb, CoverKind.Cover])
        {
            covers.MapGet($"/{{release_id:long}}/{kind}", (
                    [FromRoute(Name = "release_id")] long releaseId, HttpContext context, CoverLane lane, CoverStore store) =>
                    ServeAsync(releaseId, kind, context, lane, store))
                .WithSummary($"A release's {kind} from the local cache")
                .WithDescription("Fetched through once when not cached yet and its host is reachable; 404 when it cannot be had. Strong ETag, 304 on If-None-Match.");
        }

        covers.MapGet("/{release_id:long}/images/{sequence:int:min(0)}", (
                [FromRoute(Name = "release_id")] long releaseId, int sequence, HttpContext context, CoverLane lane, CoverStore store) =>
                ServeAsync(releaseId, CoverKind.Image(sequence), context, lane, store))
            .WithSummary("Another image of a release, from the local cache")
            .WithDescription("Like /covers/{release_id}/cover, for the images a release's page shows.");
        return app;
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> ServeAsync(
        long releaseId, string kind, HttpContext context, CoverLane lane, CoverStore store)
    {
        // The common case costs no database query: the store's index knows every cached file.
        if (!store.TryGet(releaseId, kind, out var cover) || !File.Exists(cover.Path))
        {
            cover = await lane.GetAsync(releaseId, kind, context.RequestAborted);
        }

        if (cover is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such cover.",
                detail: $"The {kind} of release {releaseId} is not cached and cannot be fetched now.");
        }

        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.PhysicalFile(cover.Path, cover.ContentType, entityTag: EntityTagHeaderValue.Parse(cover.ETag));
    }
}
