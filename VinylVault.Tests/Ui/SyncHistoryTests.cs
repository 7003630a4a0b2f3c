using Bunit;
using VinylVault.Core.Sync;
using VinylVault.Ui.Sync;

namespace VinylVault.Tests.Ui;

public sealed class SyncHistoryTests
{
    private static readonly DateTime Start = new(2025, 3, 14, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_failed_run_expands_to_show_why_and_each_error()
    {
        await using var ctx = MudTestContext.Create();
        SyncRunView[] runs =
        [
            new(2, Start.AddHours(1), Start.AddHours(1).AddSeconds(75), SyncOutcome.Failed, SyncTrigger.Manual, false,
                250, 3, 0, 0, 0, 40, 1, 0, 52, 10, ["GET /releases/17: 500 Internal Server Error", "GET /releases/18: 500 Internal Server Error"],
                "Stopped after 10 errors."),
            new(1, Start, Start.AddSeconds(48), SyncOutcome.Completed, SyncTrigger.Schedule, true,
                250, 3, 250, 0, 0, 240, 0, 0, 246, 0, [], null),
        ];

        var history = ctx.Render<SyncHistory>(p => p.Add(h => h.Runs, runs));

        var rows = history.FindAll("[data-test=history-run]");
        Assert.Equal(["failed", "completed"], rows.Select(r => r.GetAttribute("data-outcome")));
        Assert.Contains("1 min 15 s", rows[0].TextContent);
        Assert.Contains("48 s", rows[1].TextContent);
        Assert.Empty(history.FindAll("[data-test=history-detail]"));
        Assert.Single(history.FindAll("[data-test=history-errors]"));

        history.Find("[data-test=history-errors]").Click();

        var detail = history.Find("[data-test=history-detail]");
        Assert.Contains("Stopped after 10 errors.", detail.TextContent);
        Assert.Contains("1 release(s) no longer exist on Discogs", detail.TextContent);
        Assert.Equal(2, detail.QuerySelectorAll(".vv-errors li").Length);

        history.Find("[data-test=history-errors]").Click();
        Assert.Empty(history.FindAll("[data-test=history-detail]"));
    }

    [Fact]
    public async Task No_runs_says_so()
    {
        await using var ctx = MudTestContext.Create();

        var history = ctx.Render<SyncHistory>(p => p.Add(h => h.Runs, []));

        Assert.Equal("No sync has run yet.", history.Find("[data-test=history-empty]").TextContent);
    }
}
