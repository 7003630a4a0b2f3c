using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Sync;

/// <summary>What a sync does when Discogs misbehaves: retried 5xx, a permanent 500, 404 releases, a refused token.</summary>
public sealed class SyncFaultTests
{
    [Fact]
    public async Task With_5_percent_of_answers_a_server_error_the_sync_still_completes_with_every_item()
    {
        await using var harness = await SyncHarness.StartAsync(200);
        harness.Simulator.Faults.ServerErrorRate = 0.05;

        var run = await harness.SyncAsync();

        Assert.Equal(SyncOutcome.Completed, run.Outcome);
        Assert.True(harness.Simulator.Counters.Requests(status: 500) + harness.Simulator.Counters.Requests(status: 502)
            + harness.Simulator.Counters.Requests(status: 503) + harness.Simulator.Counters.Requests(status: 504) > 0, "faults were injected");
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
        // Retries are requests too: the run record counts what the HTTP stack sent.
        Assert.Equal(harness.Simulator.Counters.TotalRequests, run.RequestsMade);
    }

    [Fact]
    public async Task A_permanent_500_fails_the_run_after_MaxErrors_keeping_the_errors_and_the_app_keeps_serving()
    {
        await using var harness = await SyncHarness.StartAsync(150, new Dictionary<string, string?> { ["Sync:MaxErrors"] = "5", ["Discogs:MaxRetries"] = "1" });
        // The page pass succeeds; from the first detail request on, every answer is a 500.
        using var trap = harness.Host.Services.GetRequiredService<SyncProgress>().Subscribe((status, _) =>
        {
            if (status.Phase == SyncPhase.Details)
            {
                harness.Simulator.Faults.PermanentServerError = true;
            }
        });

        var run = await harness.SyncAsync();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.InRange(run.ErrorCount, 5, 5 + 4);
        Assert.Equal(run.ErrorCount, run.Errors.Count);
        Assert.All(run.Errors, error => Assert.Contains("500", error));
        Assert.Contains("Sync:MaxErrors", run.Message);
        Assert.Equal(SyncState.Failed, harness.Worker.Status.Status);

        // Still serving: the worker is up, the collection from the page pass is browsable, and the next run completes.
        Assert.True(harness.Worker.IsAlive);
        Assert.Equal(150, (await harness.Queries.GetPageAsync(new CollectionQuery(), CancellationToken.None)).Total);
        trap.Dispose();
        harness.Simulator.Faults.PermanentServerError = false;
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
    }

    [Fact]
    public async Task A_release_that_answers_404_is_recorded_and_skipped_and_not_asked_for_again()
    {
        await using var harness = await SyncHarness.StartAsync(100);
        var hidden = harness.Simulator.Collection.ReleaseIds.Take(3).ToArray();
        harness.Simulator.Faults.HideReleases(hidden);

        var run = await harness.SyncAsync();

        Assert.Equal((SyncOutcome.Completed, 3, 0), (run.Outcome, run.ReleasesNotFound, run.ErrorCount));
        Assert.Equal(hidden.Order().Select(id => $"Release {id}: Discogs answered 404 (not found); skipped."), run.Errors.Order());
        await using (var db = await harness.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(hidden.Order(), await db.Releases.Where(r => r.DetailsNotFound && !r.HasDetails).Select(r => r.Id).OrderBy(id => id).ToListAsync());
            Assert.Equal(100, await db.Instances.CountAsync());
        }

        harness.Simulator.ResetTraffic();
        await harness.SyncAsync();
        Assert.Equal(0, harness.Simulator.Counters.Requests("release"));
    }

    [Fact]
    public async Task A_refused_token_stops_the_run_at_once_with_a_clear_message()
    {
        await using var harness = await SyncHarness.StartAsync(100);
        var token = harness.Server.Token;
        harness.Simulator.Token = "revoked";

        var run = await harness.SyncAsync();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("token", run.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, harness.Simulator.Counters.TotalRequests);
        Assert.Equal(1, harness.Simulator.Counters.Requests(status: 401));
        Assert.DoesNotContain(token, run.Message);
        Assert.Equal(0, (await harness.Queries.GetPageAsync(new CollectionQuery(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_copy_removed_while_pages_are_read_shifts_the_pages_so_nothing_is_pruned_until_a_clean_pass()
    {
        await using var harness = await SyncHarness.StartAsync(300);
        await harness.SyncAsync();
        harness.Simulator.ResetTraffic();
        var newest = harness.Simulator.Collection.Items.MaxBy(i => i.DateAdded)!;
        // Page 1 is read, then the newest copy (on page 1) goes: page 2's first copy moves up to page 1 and no page shows it.
        harness.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var remover = new Thread(() =>
        {
            while (harness.Simulator.Counters.Requests("collection") == 0)
            {
                Thread.Sleep(1);
            }

            harness.Simulator.Collection.Remove(newest.InstanceId);
            harness.Simulator.Faults.Latency = TimeSpan.Zero;
        });
        remover.Start();

        var run = await harness.SyncAsync();
        remover.Join();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains("could not be read completely", run.Message);
        Assert.Equal(0, run.ItemsRemoved);
        Assert.Equal(300, (await harness.Queries.GetPageAsync(new CollectionQuery(), CancellationToken.None)).Total);

        var clean = await harness.SyncAsync();
        Assert.Equal((SyncOutcome.Completed, 1), (clean.Outcome, clean.ItemsRemoved));
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
    }
}
