using Bunit;
using VinylVault.Core.Sync;
using VinylVault.Core.Sync.Removal;
using VinylVault.Ui.Sync;

namespace VinylVault.Tests.Ui;

public sealed class SyncBarTests
{
    private static readonly SyncStatus Running = new()
    {
        Status = SyncState.Syncing,
        Phase = SyncPhase.Details,
        ProgressPercent = 42.7,
        ProcessedItems = 427,
        TotalItems = 1000,
        ItemsPerSecond = 0.9,
        EstimatedCompletion = MudTestContext.Now.AddMinutes(10).AddSeconds(20),
        RequestsMade = 437,
        RateLimitRemaining = 12,
        CurrentPage = 10,
        TotalPages = 10,
        StartedAt = MudTestContext.Now.AddMinutes(-8),
    };

    [Fact]
    public async Task A_running_sync_shows_phase_percent_counts_speed_eta_and_budget()
    {
        await using var ctx = MudTestContext.Create();

        var bar = ctx.Render<SyncBar>(p => p.Add(b => b.Status, Running));

        Assert.Equal("syncing", bar.Find("[data-test=sync-bar]").GetAttribute("data-status"));
        Assert.Contains("Syncing", bar.Find("[data-test=sync-state]").TextContent);
        Assert.Contains("Fetching release details", bar.Find("[data-test=sync-phase]").TextContent);
        Assert.Equal("42 %", bar.Find("[data-test=sync-percent]").TextContent.Trim());
        Assert.Equal("427 / 1,000", Value(bar, "sync-processed"));
        Assert.Equal("54 items/min", Value(bar, "sync-rate"));
        Assert.Equal("11 min", Value(bar, "sync-eta"));
        Assert.Equal("437", Value(bar, "sync-requests"));
        Assert.Equal("12", Value(bar, "sync-budget"));
        Assert.Equal("0", Value(bar, "sync-errors"));
        Assert.Empty(bar.FindAll("[data-test=sync-message]"));
    }

    [Theory]
    [InlineData(SyncState.Idle, "idle", "Idle")]
    [InlineData(SyncState.Syncing, "syncing", "Syncing")]
    [InlineData(SyncState.Cancelling, "cancelling", "Cancelling")]
    [InlineData(SyncState.Completed, "completed", "Completed")]
    [InlineData(SyncState.Cancelled, "cancelled", "Cancelled")]
    [InlineData(SyncState.Failed, "failed", "Failed")]
    public async Task Each_status_has_its_own_label(SyncState state, string attribute, string label)
    {
        await using var ctx = MudTestContext.Create();

        var bar = ctx.Render<SyncBar>(p => p.Add(b => b.Status, Running with { Status = state }));

        Assert.Equal(attribute, bar.Find("[data-test=sync-bar]").GetAttribute("data-status"));
        Assert.Equal(label, bar.Find("[data-test=sync-state]").TextContent.Trim());
    }

    [Fact]
    public async Task Idle_shows_no_figures()
    {
        await using var ctx = MudTestContext.Create();

        var bar = ctx.Render<SyncBar>(p => p.Add(b => b.Status, SyncStatus.Idle));

        Assert.Contains("No sync is running", bar.Find("[data-test=sync-phase]").TextContent);
        Assert.Empty(bar.FindAll("[data-test=sync-percent]"));
        Assert.Empty(bar.FindAll("[data-test=sync-processed]"));
    }

    [Fact]
    public async Task A_failed_run_shows_why_and_its_errors()
    {
        await using var ctx = MudTestContext.Create();
        var failed = Running with
        {
            Status = SyncState.Failed,
            Errors = 10,
            Message = "Stopped after 10 errors: Discogs answered 500.",
            FinishedAt = MudTestContext.Now,
        };

        var bar = ctx.Render<SyncBar>(p => p.Add(b => b.Status, failed));

        Assert.Equal("Stopped after 10 errors: Discogs answered 500.", bar.Find("[data-test=sync-message]").TextContent.Trim());
        Assert.Equal("10", Value(bar, "sync-errors"));
        Assert.Contains("vv-alert", bar.Find("[data-test=sync-errors] .vv-figure-value").ClassName);
        Assert.Empty(bar.FindAll("[data-test=sync-eta]"));
    }

    [Fact]
    public async Task A_finished_run_shows_how_long_it_took_instead_of_an_eta()
    {
        await using var ctx = MudTestContext.Create();
        var done = Running with
        {
            Status = SyncState.Completed,
            ProgressPercent = 100,
            ProcessedItems = 1000,
            FinishedAt = Running.StartedAt!.Value.AddSeconds(62),
        };

        var bar = ctx.Render<SyncBar>(p => p.Add(b => b.Status, done));

        Assert.Equal("100 %", bar.Find("[data-test=sync-percent]").TextContent.Trim());
        Assert.Equal("1 min 02 s", Value(bar, "sync-duration"));
        Assert.Empty(bar.FindAll("[data-test=sync-eta]"));
    }

    [Fact]
    public async Task Start_is_offered_when_idle_and_cancel_while_running()
    {
        await using var ctx = MudTestContext.Create();
        bool? started = null;
        var cancelled = false;

        var idle = ctx.Render<SyncBar>(p => p
            .Add(b => b.Status, SyncStatus.Idle)
            .Add(b => b.OnStart, (bool full) => started = full)
            .Add(b => b.OnCancel, () => cancelled = true));
        Assert.Empty(idle.FindAll("[data-test=sync-cancel]"));
        idle.Find("[data-test=sync-start]").Click();
        Assert.False(started);

        var running = ctx.Render<SyncBar>(p => p
            .Add(b => b.Status, Running)
            .Add(b => b.OnStart, (bool full) => started = full)
            .Add(b => b.OnCancel, () => cancelled = true));
        Assert.Empty(running.FindAll("[data-test=sync-start]"));
        running.Find("[data-test=sync-cancel]").Click();
        Assert.True(cancelled);
    }

    [Fact]
    public async Task A_held_removal_warns_with_the_count_and_offers_remove_and_keep()
    {
        await using var ctx = MudTestContext.Create();
        var (applied, kept) = (false, false);
        var done = Running with { Status = SyncState.Completed, FinishedAt = MudTestContext.Now, HeldRemoval = new HeldRemoval(1234, MudTestContext.Now) };

        var bar = ctx.Render<SyncBar>(p => p
            .Add(b => b.Status, done)
            .Add(b => b.OnApplyRemoval, () => applied = true)
            .Add(b => b.OnKeepRemoval, () => kept = true));

        Assert.Contains("1,234 records are no longer listed on Discogs", bar.Find("[data-test=held-removal]").TextContent);
        Assert.Equal("Remove 1,234", bar.Find("[data-test=held-removal-apply]").TextContent.Trim());
        bar.Find("[data-test=held-removal-apply]").Click();
        Assert.True(applied);
        bar.Find("[data-test=held-removal-keep]").Click();
        Assert.True(kept);

        // Wants held with the copies: the warning names both, and one button removes both.
        var both = ctx.Render<SyncBar>(p => p.Add(b => b.Status, done with { HeldRemoval = new HeldRemoval(15, MudTestContext.Now, Wants: 1) }));
        Assert.Contains("15 records and 1 want are no longer listed on Discogs", both.Find("[data-test=held-removal]").TextContent);
        Assert.Equal("Remove 16", both.Find("[data-test=held-removal-apply]").TextContent.Trim());

        var clear = ctx.Render<SyncBar>(p => p.Add(b => b.Status, done with { HeldRemoval = null }));
        Assert.Empty(clear.FindAll("[data-test=held-removal]"));
        var running = ctx.Render<SyncBar>(p => p.Add(b => b.Status, Running with { HeldRemoval = new HeldRemoval(1234, MudTestContext.Now) }));
        Assert.Empty(running.FindAll("[data-test=held-removal]"));
    }

    private static string Value(IRenderedComponent<SyncBar> bar, string test) =>
        string.Join(" ", bar.Find($"[data-test={test}] .vv-figure-value").TextContent.Split(
            (char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
