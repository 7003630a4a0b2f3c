using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VinylVault.Core.Collection;
using VinylVault.Core.Outbox;

namespace VinylVault.Api.Editing;

public sealed record CopyPatch(int? Rating, int? FolderId, Dictionary<string, string?>? Fields);

/// <summary>A new copy; title, artist, year and thumb are optional hints (the Search page sends them) for a release the collection lacks.</summary>
public sealed record NewCopy(long ReleaseId, int? FolderId, string? Title, string? Artist, int? Year, string? Thumb);

public sealed record FolderRequest(string? Name);

public sealed record FolderList(IReadOnlyList<FolderView> Folders);

/// <summary>
/// Local-first edits (design.md, Edits): each answers 202 with the new local state at once; the outbox delivers it
/// to Discogs when it can. Also the folders and the outbox itself (retry, discard).
/// </summary>
public static partial class EditEndpoints
{
    public static RouteGroupBuilder MapEditEndpoints(this RouteGroupBuilder api)
    {
        var collection = api.MapGroup("/collection").WithTags("Edits");
        collection.MapPatch("/{instance_id:long}", Patch).WithSummary("Rate, move or annotate one copy")
            .WithDescription("Any of rating (0-5), folder_id and fields ({\"Media Condition\": \"Near Mint (NM or M-)\"}); an empty value clears a field.");
        collection.MapDelete("/{instance_id:long}", Remove).WithSummary("Remove one copy")
            .WithDescription("Removed locally at once and delivered to Discogs by the outbox; 404 for an unknown copy.");
        collection.MapPost("", Add).WithSummary("Add a copy of a release").WithDescription("folder_id defaults to 1 (Uncategorized).");
        MapFolders(api.MapGroup("/folders").WithTags("Folders"));
        MapOutbox(api.MapGroup("/outbox").WithTags("Outbox"));
        return api;
    }

    private static async Task<Results<Accepted<CollectionItemView>, ValidationProblem, ProblemHttpResult>> Patch(
        [FromRoute(Name = "instance_id")] long instanceId, CopyPatch edit, CollectionEditor editor, CancellationToken cancellationToken) =>
        Answer(await editor.UpdateAsync(instanceId, new CopyEdit(edit.Rating, edit.FolderId, edit.Fields), cancellationToken));

    private static async Task<Results<Accepted<RemovedCopyView>, ValidationProblem, ProblemHttpResult>> Remove(
        [FromRoute(Name = "instance_id")] long instanceId, CollectionEditor editor, CancellationToken cancellationToken) =>
        Answer(await editor.RemoveAsync(instanceId, cancellationToken));

    private static async Task<Results<Accepted<CollectionItemView>, ValidationProblem, ProblemHttpResult>> Add(
        NewCopy copy, CollectionEditor editor, CancellationToken cancellationToken) =>
        Answer(await editor.AddAsync(copy.ReleaseId, copy.FolderId ?? 1, new ReleaseHint(copy.Title, copy.Artist, copy.Year, copy.Thumb), cancellationToken));

    private static Results<Accepted<T>, ValidationProblem, ProblemHttpResult> Answer<T>(EditResult<T> result) => result.Status switch
    {
        EditStatus.Done => TypedResults.Accepted((string?)null, result.Value),
        EditStatus.Invalid => TypedResults.ValidationProblem(result.Errors!),
        EditStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: result.Message),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now.", detail: result.Message),
    };
}
