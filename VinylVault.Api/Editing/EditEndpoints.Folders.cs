using Microsoft.AspNetCore.Http.HttpResults;
using VinylVault.Core.Outbox;

namespace VinylVault.Api.Editing;

public static partial class EditEndpoints
{
    private static void MapFolders(RouteGroupBuilder folders)
    {
        folders.MapGet("", async (CollectionEditor editor, CancellationToken cancellationToken) =>
            TypedResults.Ok(new FolderList(await editor.GetFoldersAsync(cancellationToken)))).WithSummary("The collection's folders, with local counts")
            .WithDescription("From the local database, including folders created or renamed locally and not yet delivered.");
        folders.MapPost("", async Task<Results<Accepted<FolderView>, ValidationProblem, ProblemHttpResult>> (FolderRequest request, CollectionEditor editor, CancellationToken cancellationToken) =>
            Answer(await editor.CreateFolderAsync(request.Name, cancellationToken))).WithSummary("Create a folder")
            .WithDescription("Created locally at once (a negative id until Discogs answers) and delivered by the outbox; 400 on an empty or over-long name.");
        folders.MapPatch("/{id:int}", async Task<Results<Accepted<FolderView>, ValidationProblem, ProblemHttpResult>> (int id, FolderRequest request, CollectionEditor editor, CancellationToken cancellationToken) =>
            Answer(await editor.RenameFolderAsync(id, request.Name, cancellationToken))).WithSummary("Rename a folder").WithDescription("409 for folders 0 and 1.");
        folders.MapDelete("/{id:int}", async Task<Results<Accepted<FolderView>, ValidationProblem, ProblemHttpResult>> (int id, CollectionEditor editor, CancellationToken cancellationToken) =>
            Answer(await editor.DeleteFolderAsync(id, cancellationToken))).WithSummary("Delete an empty folder").WithDescription("409 unless the folder is empty and its id is above 1.");
    }

    private static void MapOutbox(RouteGroupBuilder outbox)
    {
        outbox.MapGet("", async (CollectionEditor editor, CancellationToken cancellationToken) => TypedResults.Ok(await editor.GetOutboxAsync(cancellationToken)))
            .WithSummary("Edits waiting for Discogs, failed ones, and the last ones sent")
            .WithDescription("Each entry's kind, target, creation time, attempts, state (pending, sending, failed, sent) and Discogs' reason when refused.");
        outbox.MapPost("/{id:long}/retry", async Task<Results<Accepted<OutboxEntryView>, ValidationProblem, ProblemHttpResult>> (long id, CollectionEditor editor, CancellationToken cancellationToken) =>
            Answer(await editor.RetryAsync(id, cancellationToken))).WithSummary("Send a failed entry again")
            .WithDescription("Puts a failed entry back in the queue; 404 for an unknown entry, 409 unless it failed.");
        outbox.MapDelete("/{id:long}", async Task<Results<Accepted<OutboxEntryView>, ValidationProblem, ProblemHttpResult>> (long id, CollectionEditor editor, CancellationToken cancellationToken) =>
            Answer(await editor.DiscardAsync(id, cancellationToken))).WithSummary("Discard a failed entry")
            .WithDescription("Its local change is reverted, with the changes queued behind it for the same copy or folder.");
    }
}
