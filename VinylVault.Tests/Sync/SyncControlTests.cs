using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Sync;

/// <summary>Starting, cancelling and scheduling runs: what REST, the hub and the UI rely on.</summary>
public sealed class SyncControlTests
{
    [Fact]
    public async Task Cancel_stops_within_a_second_keeps_what_was_written_and_marks_the_run_cancelled()
    {
        await using var harness = await SyncHarness.StartAsync(1000);
        var progress = harness.Host.Services.GetRequiredService<SyncProgress>();
        var detailsUnderWay = new TaskCompletionSource();
        using var watch = progress.Subscribe((s, _) =>
        {
            if (s.Phase == SyncPhase.Details && s.ProcessedItems >= 100)
            {
                detailsUnderWay.TrySetResult();
            }
        });

        Assert.Equal(SyncStartResult.Started, harness.Worker.TryStart(false));
        Assert.Equal(SyncStartResult.AlreadyRunning, harness.Worker.TryStart(true));
        await detailsUnderWay.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // While details are fetched, the collection is already browsable from the page pass.
        Assert.Equal(1000, (await harness.Queries.GetPageAsync(new CollectionQuery { Sort = CollectionSort.DateAdded }, CancellationToken.None)).Total);
        var clock = Stopwatch.StartNew();
        Assert.Equal(SyncCancelResult.Cancelling, harness.Worker.TryCancel());
        // Cancelling is passing: a run may wind down before this line reads it.
        Assert.Contains(harness.Worker.Status.Status, new[] { SyncState.Cancelling, SyncState.Cancelled });
        await harness.Worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.Stop();

        var run = (await harness.Queries.GetSyncRunsAsync(1, CancellationToken.None)).Single();
        Assert.Equal(SyncOutcome.Cancelled, run.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"cancel took {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(SyncState.Cancelled, harness.Worker.Status.Status);
        Assert.Equal(SyncCancelResult.NothingRunning, harness.Worker.TryCancel());
        await using (var db = await harness.Contexts.CreateDbContextAsync())
        {
            // Everything fetched was written, and the collection itself is complete (the page pass was over).
            var withDetails = await db.Releases.CountAsync(r => r.HasDetails);
            Assert.InRange(withDetails, 100, harness.Simulator.Collection.ReleaseIds.Count - 1);
            Assert.Equal(run.ReleasesFetched, withDetails);
            Assert.Equal(1000, await db.Instances.CountAsync());
        }

        // The next run picks up the rest.
        harness.Simulator.ResetTraffic();
        var next = await harness.SyncAsync();
        Assert.Equal(SyncOutcome.Completed, next.Outcome);
        Assert.Equal(harness.Simulator.Collection.ReleaseIds.Count - run.ReleasesFetched, next.ReleasesFetched);
        await DatabaseDump.AssertMatchesSimulatorAsync(harness.Contexts, harness.Server);
    }

    [Fact]
    public async Task Without_a_token_a_sync_is_not_configured_and_nothing_is_asked_of_Discogs()
    {
        await using var harness = await SyncHarness.StartAsync(10, new Dictionary<string, string?> { ["Discogs:Token"] = "" });

        Assert.False(harness.Worker.IsConfigured);
        Assert.Equal(SyncStartResult.NotConfigured, harness.Worker.TryStart(false));
        Assert.Equal(SyncCancelResult.NothingRunning, harness.Worker.TryCancel());
        Assert.Equal(SyncState.Idle, harness.Worker.Status.Status);
        Assert.True(harness.Worker.IsAlive);
        Assert.Equal(0, harness.Simulator.Counters.TotalRequests);
    }

    [Fact]
    public async Task The_schedule_never_starts_a_first_sync_and_runs_again_an_interval_after_the_last_completed_one()
    {
        // 0.0004 h = 1.44 s, so the test can watch a schedule go by.
        var settings = new Dictionary<string, string?> { ["Sync:AutoSyncHours"] = "0.0004" };
        await using var harness = await SyncHarness.StartAsync(30, settings);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(0, harness.Simulator.Counters.TotalRequests);
        Assert.Empty(await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None));

        var first = await harness.SyncAsync();
        Assert.Equal(SyncTrigger.Manual, first.Trigger);
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        Assert.Single(await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        SyncRunView? scheduled = null;
        while (scheduled is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            scheduled = (await harness.Queries.GetSyncRunsAsync(10, CancellationToken.None)).FirstOrDefault(r => r.Trigger == SyncTrigger.Schedule && r.FinishedAt is not null);
        }

        Assert.NotNull(scheduled);
        Assert.Equal((SyncOutcome.Completed, false), (scheduled.Outcome, scheduled.ForceFull));
        Assert.True(scheduled.StartedAt - first.FinishedAt >= TimeSpan.FromSeconds(1.4), "due an interval after the last completed run");
    }

    [Theory]
    [InlineData("Sync:BatchSize", "0")]
    [InlineData("Sync:MaxErrors", "-1")]
    [InlineData("Sync:AutoSyncHours", "-2")]
    [InlineData("Sync:QuickCheckSeconds", "-1")]
    [InlineData("Storage:CacheSizeKb", "1")]
    public async Task A_bad_setting_stops_the_start_naming_its_key(string key, string value)
    {
        using var host = SyncHost.Build(SyncHarness.NewDataDirectory(), "http://127.0.0.1:9", "demo", "token", new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData(null, "2024-01-01T00:00", null, "2024-01-01T00:00", null)] // schedule off
    [InlineData(24.0, null, null, "2024-01-01T00:00", null)] // no completed run: the first sync is the user's
    [InlineData(24.0, "2024-01-01T00:00", "2024-01-01T00:00", "2024-01-01T06:00", "2024-01-02T00:00")]
    [InlineData(24.0, "2024-01-01T00:00", "2024-01-01T00:00", "2024-01-05T00:00", "2024-01-05T01:00")] // overdue at start-up: not at once
    [InlineData(24.0, "2024-01-01T00:00", "2024-01-02T00:30", "2024-01-01T06:00", "2024-01-02T01:30")] // a failed attempt: an hour later
    [InlineData(0.5, "2024-01-01T00:00", "2024-01-01T00:00", "2024-01-03T00:00", "2024-01-03T00:30")] // short interval: waits the interval
    public void The_next_scheduled_sync_is_due(double? hours, string? completed, string? finished, string started, string? due)
    {
        static DateTime? At(string? s) => s is null ? null : DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(At(due), SyncSchedule.NextDue(hours is { } h ? TimeSpan.FromHours(h) : null, At(completed), At(finished), At(started)!.Value));
    }
}
