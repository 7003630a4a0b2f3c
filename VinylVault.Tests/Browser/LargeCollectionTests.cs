using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Sync;
using VinylVault.Ui.Welcome;
using Xunit.Abstractions;

namespace VinylVault.Tests.Browser;

/// <summary>A demo of 10,000 records whose sync is stopped after the page pass: the page data alone fills the grid.</summary>
public sealed class LargeCollectionApp : BrowserApp
{
    public const int Records = 10_000;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Demo:Simulator:CollectionSize"] = Records.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:Simulator:RateLimit"] = "1000",
        ["Demo:Simulator:RateLimitWindowSeconds"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var worker = Services.GetRequiredService<SyncWorker>();
        var progress = Services.GetRequiredService<SyncProgress>();
        var pagesDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (progress.Subscribe((status, _) =>
        {
            if (status.Phase == SyncPhase.Details || !status.IsActive)
            {
                pagesDone.TrySetResult();
            }
        }))
        {
            await Services.GetRequiredService<IDemoMode>().StartAsync(CancellationToken.None);
            await pagesDone.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        worker.TryCancel();
        await worker.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}

[Collection(WholeAppCollection.Name)]
public sealed class LargeCollectionTests(LargeCollectionApp app, ITestOutputHelper output) : IClassFixture<LargeCollectionApp>
{
    private const int Budget = 300; // elements the page may hold at once, whatever the collection's size

    [Fact]
    public async Task Ten_thousand_records_scroll_to_the_end_with_only_a_screenful_in_the_page()
    {
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await browser.SetUpOwnerAsync();
        var last = (await app.Services.GetRequiredService<CollectionQueries>().GetPageAsync(
            new CollectionQuery { Sort = CollectionSort.Title, Page = LargeCollectionApp.Records, PageSize = 1 }, CancellationToken.None)).Items.Single();

        foreach (var view in new[] { "grid", "table" })
        {
            await page.GotoAsync(view == "grid" ? "/collection?sort=title" : "/collection?sort=title&view=table");
            await browser.WaitForCircuitAsync();
            var item = view == "grid" ? "[data-test=cover-card]" : "[data-test=collection-row]";
            Assert.InRange(await CountAsync(page, item), 1, Budget);
            Assert.Contains("10,000 records", await page.Locator("[data-test=collection-total]").TextContentAsync());

            // Jump to the bottom, as a scroll bar drag does, until the last record by title is on screen.
            var watch = Stopwatch.StartNew();
            var seen = false;
            for (var i = 0; i < 50 && !seen; i++)
            {
                await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
                await page.WaitForTimeoutAsync(100);
                var titles = await page.Locator(view == "grid" ? $"{item} .vv-card-title" : $"{item} .vv-row-title").AllTextContentsAsync();
                seen = titles.Count > 0 && titles[^1].Trim() == last.Title && await AtEndAsync(page);
            }

            Assert.True(seen, $"the last record, “{last.Title}”, came into view at the bottom");
            var count = await CountAsync(page, item);
            output.WriteLine($"{view}: the end of 10,000 records was on screen {watch.ElapsedMilliseconds} ms after the jump; {count} items in the page");
            Assert.InRange(count, 1, Budget);
        }

        await browser.ScreenshotAsync("collection-10000", fullPage: false); // the page is half a million pixels tall
        browser.AssertNoErrors();
    }

    // Virtualize swaps rows for placeholders while it fetches: count in the same moment rows are seen.
    private static async Task<int> CountAsync(Microsoft.Playwright.IPage page, string item)
    {
        var count = await page.WaitForFunctionAsync("s => { const n = document.querySelectorAll(s).length; return n > 0 ? n : false; }", item);
        return await count.JsonValueAsync<int>();
    }

    private static Task<bool> AtEndAsync(Microsoft.Playwright.IPage page) => page.EvaluateAsync<bool>(
        "() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2");
}
