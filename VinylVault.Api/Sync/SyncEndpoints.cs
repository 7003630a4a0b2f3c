using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VinylVault.Api.Http;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;

namespace VinylVault.Api.Sync;

public sealed record LastSync(DateTime Time, SyncOutcome Status);

public sealed record CollectionSummary(int TotalAlbums, int TotalArtists, LastSync? LastSync);

/// <summary>GET /api/sync/status, exactly the original contract's fields (docs/design.md), and what start and cancel answer with.</summary>
public sealed record SyncStatusAnswer(SyncStatus SyncStatus, CollectionSummary CollectionStats, bool ClientOnline);

public sealed record StartSyncRequest(bool ForceFull);

/// <summary>The runs, newest first, and the quick checks summed (a check is not a run: it would bury them).</summary>
public sealed record SyncHistory(IReadOnlyList<SyncRunView> Runs, QuickCheckSummary QuickChecks);

/// <summary>Sync control for scripts: status, start, cancel and the history of runs. Progress itself streams on the hub.</summary>
public static class SyncEndpoints
{
    public const int HistoryLength = 50;

    public static RouteGroupBuilder MapSyncEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sync").WithTags("Sync");
        group.MapGet("/status", GetStatus).LocalRead()
            .WithSummary("The sync's status and the collection's size")
            .WithDescription("The current (or last) run's state, progress and ETA, the collection's counts and last sync, and whether Discogs is reachable. Never spends the Discogs budget.");
        group.MapPost("/start", Start)
            .WithSummary("Start a sync")
            .WithDescription("Starts an incremental sync, or a full one with {\"force_full\": true}; the body is optional. 409 while a run is active or when no Discogs account is set.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/cancel", Cancel)
            .WithSummary("Cancel the running sync")
            .WithDescription("Asks the running sync to stop; it stops within about a second and keeps what it wrote. 409 when nothing runs.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/confirm-removal", ConfirmRemoval)
            .WithSummary("Applies a held mass removal")
            .WithDescription("Removes the copies and wants a complete sync no longer found but kept because they were more than " +
                "Sync:MaxRemovalPercent (sync_status.held_removal: count copies, wants wants). 409 when nothing is held or a sync runs.");
        group.MapGet("/history", GetHistory).LocalRead()
            .WithSummary("Past sync runs")
            .WithDescription($"The last {HistoryLength} runs, newest first, with their outcome, figures and errors.");
        return api;
    }

    private static async Task<Ok<SyncStatusAnswer>> GetStatus(SyncWorker worker, CollectionQueries queries, DiscogsConnectivity connectivity, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AnswerAsync(worker, queries, connectivity, cancellationToken));

    // The body is optional: an empty POST starts an incremental sync.
    private static async Task<Results<Accepted<SyncStatusAnswer>, ProblemHttpResult>> Start(
        StartSyncRequest? request, SyncWorker worker, CollectionQueries queries, DiscogsConnectivity connectivity, CancellationToken cancellationToken) =>
        worker.TryStart(request?.ForceFull ?? false) switch
        {
            SyncStartResult.Started => TypedResults.Accepted("/api/sync/status", await AnswerAsync(worker, queries, connectivity, cancellationToken)),
            SyncStartResult.AlreadyRunning => Conflict("A sync is already running.", "Wait for it to end, or cancel it with POST /api/sync/cancel."),
            _ => Conflict("No Discogs account is set up.", "Set one with PUT /api/account/discogs, then start the sync."),
        };

    private static async Task<Results<Accepted<SyncStatusAnswer>, ProblemHttpResult>> Cancel(
        SyncWorker worker, CollectionQueries queries, DiscogsConnectivity connectivity, CancellationToken cancellationToken) =>
        worker.TryCancel() == SyncCancelResult.Cancelling
            ? TypedResults.Accepted("/api/sync/status", await AnswerAsync(worker, queries, connectivity, cancellationToken))
            : Conflict("No sync is running.", "There is nothing to cancel.");

    private static async Task<Results<Accepted<SyncStatusAnswer>, ProblemHttpResult>> ConfirmRemoval(
        SyncWorker worker, CollectionQueries queries, DiscogsConnectivity connectivity, CancellationToken cancellationToken) =>
        (await worker.TryApplyHeldRemovalAsync(CancellationToken.None)).Outcome switch
        {
            RemovalOutcome.Done => TypedResults.Accepted("/api/sync/status", await AnswerAsync(worker, queries, connectivity, cancellationToken)),
            RemovalOutcome.SyncRunning => Conflict("A sync is running.", "It decides afresh what to remove: wait for it to end, then look at sync_status.held_removal."),
            _ => Conflict("No removal is held.", "Nothing waits to be removed (sync_status.held_removal is null)."),
        };

    private static async Task<Ok<SyncHistory>> GetHistory(
        CollectionQueries queries, QuickCheckLog quickChecks, IOptions<SyncOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SyncHistory(await queries.GetSyncRunsAsync(HistoryLength, cancellationToken), quickChecks.Summary(options.Value.QuickCheckSeconds)));

    private static async Task<SyncStatusAnswer> AnswerAsync(SyncWorker worker, CollectionQueries queries, DiscogsConnectivity connectivity, CancellationToken cancellationToken)
    {
        var (albums, artists, lastRun) = await queries.GetSummaryAsync(cancellationToken);
        var last = lastRun is { } run ? new LastSync(run.FinishedAt ?? run.StartedAt, run.Outcome) : null;
        var online = await connectivity.CheckAsync(cancellationToken);
        return new SyncStatusAnswer(worker.Status, new CollectionSummary(albums, artists, last), online.Online);
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);
}
