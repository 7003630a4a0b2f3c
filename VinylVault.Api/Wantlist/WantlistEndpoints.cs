using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Api.Http;
using VinylVault.Core.Outbox;
using VinylVault.Core.Wantlist;

namespace VinylVault.Api.Wantlist;

/// <summary>The wantlist: a page from the local database, and local-first edits the outbox delivers (202 at once).</summary>
public static class WantlistEndpoints
{
    public static RouteGroupBuilder MapWantlistEndpoints(this RouteGroupBuilder api)
    {
        var wantlist = api.MapGroup("/wantlist").WithTags("Wantlist");
        wantlist.MapGet("", GetPage).LocalRead().WithSummary("A page of the wantlist")
            .WithDescription("Wants from the local database, searched (title, artist, label, catalogue number), sorted (artist, title, year, date_added, rating) " +
                "filtered (in_collection=true|false, rating=0-5, and format, year_from, year_to as GET /api/collection takes them) and paged; in_collection says a copy is owned. 400 names a parameter out of range.")
            .ProducesValidationProblem();
        wantlist.MapPut("/{release_id:long}", Put).WithSummary("Want a release, or change a want's notes and rating")
            .WithDescription("notes (at most 255 characters) and rating (0-5); what is left out stays as it is. Answers 202 with the want as it is now " +
                "(pending until Discogs has heard it; the outbox delivers it, also after a spell offline).");
        wantlist.MapDelete("/{release_id:long}", Remove).WithSummary("Remove a want")
            .WithDescription("Removed locally at once and delivered to Discogs by the outbox; 404 when the release is not on the wantlist.");
        return api;
    }

    private static async Task<Ok<WantPage>> GetPage([AsParameters] WantlistRequest request, WantlistQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetPageAsync(request.ToQuery(), cancellationToken));

    private static async Task<Results<Accepted<WantView>, ValidationProblem, ProblemHttpResult>> Put(
        [FromRoute(Name = "release_id")] long releaseId, WantPut body, WantlistEditor editor, CancellationToken cancellationToken) =>
        Answer(await editor.PutAsync(releaseId, body.Notes, body.Rating, new ReleaseHint(body.Title, body.Artist, body.Year, body.Thumb), cancellationToken));

    private static async Task<Results<Accepted<RemovedWantView>, ValidationProblem, ProblemHttpResult>> Remove(
        [FromRoute(Name = "release_id")] long releaseId, WantlistEditor editor, CancellationToken cancellationToken) =>
        Answer(await editor.RemoveAsync(releaseId, cancellationToken));

    private static Results<Accepted<T>, ValidationProblem, ProblemHttpResult> Answer<T>(EditResult<T> result) => result.Status switch
    {
        EditStatus.Done => TypedResults.Accepted((string?)null, result.Value),
        EditStatus.Invalid => TypedResults.ValidationProblem(result.Errors!),
        EditStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: result.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now.", detail: result.Message),
    };
}
