using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Wantlist;
using VinylVault.Core.Value;

namespace VinylVault.Core.Sync;

/// <summary>
/// One sync run, as docs/design.md draws it: page reader -> page writer (the collection is browsable when the pass ends)
/// -> prune after a complete pass -> detail fetcher -> batched detail writer, joined by bounded channels. The work
/// list for details is read from the database after the pass (releases without details), which is what makes a run
/// resumable by construction: a killed run leaves exactly that list behind.
/// </summary>
internal sealed class SyncPipeline(
    IDiscogsApi api,
    DiscogsClient client,
    DiscogsRateLimiter limiter,
    SyncRunLog log,
    IDbContextFactory<VaultDbContext> contexts,
    VaultDatabase database,
    DataVersion dataVersion,
    IOptions<SyncOptions> options,
    SyncProgress progress,
    HeldRemovals heldRemovals,
    ReleaseDetailRequests opened,
    ValueSnapshots values,
    VaultMetrics metrics,
    TimeProvider time,
    ILogger<SyncPipeline> logger)
{
    /// <summary>Runs to the end; <paramref name="cancel"/> is the user's cancel or the app stopping (<paramref name="appStopping"/>).</summary>
    public async Task<SyncRun> RunAsync(SyncRequest request, CancellationToken cancel, CancellationToken appStopping = default)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var runId = await log.OpenAsync(request, started, CancellationToken.None);
        using var run = new SyncRunContext(request, options.Value, metrics, started, cancel);
        var reporter = new SyncProgressReporter(run, progress, time, limiter);
        logger.LogInformation("Sync run {RunId} started (force full: {ForceFull}, by {Trigger})", runId, request.ForceFull, request.Trigger);

        var passComplete = false;
        var writing = dataVersion.SyncWriting();
        var ticker = time.CreateTimer(_ => reporter.Publish(), null, SyncProgress.MinInterval, SyncProgress.MinInterval);
        try
        {
            reporter.Publish();
            run.OutboxWatermark = await PageWriter.OutboxWatermarkAsync(contexts, run.Stop);
            run.Username = await UsernameAsync(run);
            await FoldersAsync(run);
            passComplete = await PagePassAsync(run, reporter);
            run.Currency = await values.CurrencyAsync(run.Stop);
            if (passComplete && run.Currency is null)
            {
                // The first sync: the value now, so the prices in the details below come in a known currency.
                await ValueAsync(run);
            }

            if (!run.Stop.IsCancellationRequested)
            {
                await WantlistPassAsync(run, reporter);
            }

            if (!run.Stop.IsCancellationRequested)
            {
                await DetailPassAsync(run, reporter);
            }

            if (passComplete && !run.Stop.IsCancellationRequested)
            {
                await ValueAsync(run);
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sync run {RunId} failed", runId);
            run.Fail(StorageErrors.Describe(ex, database.DataDirectory, "The sync stopped on an unexpected error"));
        }
        finally
        {
            await ticker.DisposeAsync();
            opened.EndSync();
            writing.Dispose();
        }

        var (outcome, message) = run.Failure is { } failure ? (SyncOutcome.Failed, failure)
            : appStopping.IsCancellationRequested ? (SyncOutcome.Interrupted, "The app stopped during this run; everything fetched is kept, and it resumes at the next start.")
            : cancel.IsCancellationRequested ? (SyncOutcome.Cancelled, "Cancelled: everything fetched so far is kept.")
            : !passComplete ? (SyncOutcome.Failed, "The collection could not be read completely, so nothing was removed; the next sync tries again.")
            : (SyncOutcome.Completed, run.Notice);
        var record = await log.CloseAsync(runId, outcome, message, run.Counters, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        metrics.SyncRunFinished(outcome.ToString().ToLowerInvariant(), record.FinishedAt!.Value - record.StartedAt);
        metrics.CollectionSize(await log.CollectionSizeAsync(CancellationToken.None));
        if (outcome != SyncOutcome.Interrupted)
        {
            // Not while the app stops: systemd and Docker allow 10 s before SIGKILL.
            await log.OptimizeAsync(CancellationToken.None);
        }

        reporter.Finish(Final(outcome), message);
        if (outcome == SyncOutcome.Failed)
        {
            logger.LogWarning("Sync run {RunId} ended {Outcome} after {Requests} requests with {Errors} errors: {Message}", runId, outcome, run.Counters.Requests, run.Counters.ErrorCount, message);
        }
        else
        {
            logger.LogInformation("Sync run {RunId} ended {Outcome} after {Requests} requests with {Errors} errors", runId, outcome, run.Counters.Requests, run.Counters.ErrorCount);
        }
        return record;
    }

    /// <summary>The configured username, else the token's owner (one identity call).</summary>
    private async Task<string> UsernameAsync(SyncRunContext run)
    {
        try
        {
            return await client.GetUsernameAsync(run.Stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !run.Stop.IsCancellationRequested)
        {
            run.Handle(ex, "Identity");
            run.Fail($"Could not find out whose collection to sync: {ex.Message}");
            throw new OperationCanceledException(run.Stop);
        }
    }

    /// <summary>Folders and custom fields: two fixed calls that name what instances refer to. Their failure is an error, not the end.</summary>
    private async Task FoldersAsync(SyncRunContext run)
    {
        try
        {
            var folders = await api.GetFoldersAsync(run.Username, run.Stop);
            var fields = await api.GetCollectionFieldsAsync(run.Username, run.Stop);
            await PageWriter.WriteFoldersAsync(contexts, folders.Folders, fields.Fields, run.OutboxWatermark, run.Stop);
        }
        catch (DiscogsApiException ex)
        {
            run.Handle(ex, "Folders and custom fields");
        }
    }

    /// <summary>Today's value snapshot, unless one is kept already (then no request). Its failure is noted, not an error.</summary>
    private async Task ValueAsync(SyncRunContext run)
    {
        try
        {
            run.Currency = (await values.TakeIfDueAsync(api, run.Username, run.Stop))?.Currency ?? run.Currency;
        }
        catch (DiscogsApiException ex)
        {
            run.Counters.Note($"The collection value could not be read: {ex.Message}");
        }
    }

    private async Task<bool> PagePassAsync(SyncRunContext run, SyncProgressReporter reporter)
    {
        var writer = new PageWriter(contexts, run.Counters, run.OutboxWatermark);
        await writer.LoadAsync(run.Stop);
        var pending = await WorkListAsync(run, CancellationToken.None);
        reporter.EstimatedDetails = () => pending.Count + writer.NewReleases;

        var pages = Channel.CreateBounded<CollectionPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reader = new PageReader(api, run);
        var reading = Task.Run(() => reader.RunAsync(pages.Writer));
        var written = 0;
        await foreach (var page in pages.Reader.ReadAllAsync(run.Stop))
        {
            await writer.WriteAsync(page, run.Stop);
            written++;
        }

        await reading;
        var complete = !run.Stop.IsCancellationRequested && writer.PassComplete(reader.PagesExpected, written);
        if (complete)
        {
            var held = await writer.PruneAsync(options.Value.MaxRemovalPercent, time.GetUtcNow().UtcDateTime, run.Stop);
            await heldRemovals.LoadAsync(CancellationToken.None);
            if (held is { } count)
            {
                run.Notice = $"{count} copies Discogs no longer lists were kept, not removed: confirm the removal, or keep them.";
                logger.LogWarning("Removal of {Count} of {Local} copies held for the owner", count, writer.LocalCopies);
            }
        }
        else if (!run.Stop.IsCancellationRequested)
        {
            logger.LogWarning("Page pass incomplete ({Written} of {Expected} pages): nothing pruned", written, reader.PagesExpected);
        }

        reporter.Publish();
        return complete;
    }

    /// <summary>The wantlist: its pages only, before the details so a new want is listed within seconds too.</summary>
    private async Task WantlistPassAsync(SyncRunContext run, SyncProgressReporter reporter)
    {
        var pass = new WantlistPass(api, contexts, run, time);
        if (await pass.RunAsync(run.Stop))
        {
            await heldRemovals.LoadAsync(CancellationToken.None);
        }
        else if (!run.Stop.IsCancellationRequested)
        {
            logger.LogWarning("Wantlist pass incomplete: no want removed");
        }

        run.Notice = pass.Notice is null ? run.Notice : string.Join(" ", new[] { run.Notice, pass.Notice }.OfType<string>());
        reporter.Publish();
    }

    private async Task DetailPassAsync(SyncRunContext run, SyncProgressReporter reporter)
    {
        var ids = await WorkListAsync(run, run.Stop);
        run.Counters.DetailsPlanned(ids.Count);
        run.Phase = SyncPhase.Details;
        reporter.Publish();

        var workers = options.Value.DetailRequestsInFlight;
        var idChannel = Channel.CreateBounded<long>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var results = Channel.CreateBounded<DetailResult>(new BoundedChannelOptions(Math.Max(options.Value.BatchSize, workers)) { SingleReader = true });
        var writer = new DetailWriter(contexts, run.Counters, time);
        var writing = Task.Run(async () =>
        {
            try
            {
                await writer.RunAsync(results.Reader, options.Value.BatchSize, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The detail writer failed");
                run.Fail(StorageErrors.Describe(ex, database.DataDirectory, "Writing release details failed"));
                results.Writer.TryComplete(ex);
            }
        });
        var fetching = new DetailFetcher(api, run, opened).RunAsync(idChannel.Reader, results.Writer, workers);
        try
        {
            foreach (var id in ids)
            {
                await idChannel.Writer.WriteAsync(id, run.Stop);
            }
        }
        catch (OperationCanceledException) when (run.Stop.IsCancellationRequested)
        {
        }
        finally
        {
            idChannel.Writer.TryComplete();
        }

        await fetching;
        await writing;
    }

    /// <summary>Owned releases still without details (newest first), or on force_full every one not fetched in this run.</summary>
    private async Task<List<long>> WorkListAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var started = run.StartedAt;
        var releases = run.Request.ForceFull
            ? db.Releases.Where(r => r.DetailsFetchedAt == null || r.DetailsFetchedAt < started)
            : db.Releases.Where(r => !r.HasDetails && !r.DetailsNotFound);
        return await releases
            .Select(r => new { r.Id, Added = r.Instances.Max(i => (DateTime?)i.DateAdded) })
            .Where(r => r.Added != null)
            .OrderByDescending(r => r.Added).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    private static SyncState Final(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Completed => SyncState.Completed,
        SyncOutcome.Cancelled or SyncOutcome.Interrupted => SyncState.Cancelled,
        _ => SyncState.Failed,
    };
}
