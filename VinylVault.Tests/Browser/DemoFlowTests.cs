using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VinylVault.Api.Simulator;
using VinylVault.Core.Collection;

namespace VinylVault.Tests.Browser;

/// <summary>What a newcomer does on the first visit, in a real browser against the app on a real socket.</summary>
[Collection(WholeAppCollection.Name)]
public sealed partial class DemoFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Set_up_then_the_demo_syncs_live_and_the_collection_can_be_searched_and_opened()
    {
        await using var browser = await app.OpenAsync();
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            // What the page looked like when the step failed, next to the other screenshots.
            await browser.ScreenshotAsync("failure");
            throw;
        }
    }

    private async Task WalkThroughAsync(BrowserPage browser)
    {
        var page = browser.Page;

        // First visit: any page leads to set-up; the form posts to the service and lands on the welcome choice.
        await browser.SetUpOwnerAsync("/collection");
        await browser.WaitForCircuitAsync();

        // The demo: its sync starts at once and the bar's figures move while it runs.
        await browser.ScreenshotAsync("welcome");
        await page.ClickAsync("[data-test=start-demo]");
        await browser.WaitForAddressAsync(new("//[^/]+/$"));
        await browser.WaitForCircuitAsync();
        var (seen, total) = await WatchProcessedUntilCompletedAsync(browser);
        Assert.True(seen.Count(v => v > 0 && v < total) >= 2, $"the processed count moved while the sync ran (saw {string.Join(", ", seen)})");
        Assert.Equal(total, seen[^1]);
        await Expect(page.Locator("[data-test=stat-records] .vv-stat-value"), BrowserApp.DemoRecords.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-test=chart-genres] svg").First.WaitForAsync();
        // The bar glides to its value: let it arrive before the picture.
        await page.WaitForFunctionAsync(
            "() => new DOMMatrix(getComputedStyle(document.querySelector('[data-test=sync-bar] .mud-progress-linear-bar')).transform).m41 === 0");
        await browser.ScreenshotAsync("dashboard");

        // The theme follows the system's, live; the layout fits a phone.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor === 'rgb(15, 13, 22)'");
        await browser.ScreenshotAsync("dashboard-dark");
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth"); // nothing sticks out
        await browser.ScreenshotAsync("dashboard-phone");
        await page.SetViewportSizeAsync(1400, 900);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // The collection grid shows the records; typing narrows them.
        await page.ClickAsync("a[href='/collection']");
        await page.Locator("[data-test=cover-card]").First.WaitForAsync();
        await Expect(page.Locator("[data-test=collection-total]"), $"{BrowserApp.DemoRecords} records");
        var artist = (await page.Locator("[data-test=cover-card] .vv-card-artist").First.TextContentAsync())!.Trim();
        var word = Words().Matches(artist).Select(m => m.Value).OrderByDescending(w => w.Length).First();
        await page.FillAsync("#collection-search", word);
        await browser.WaitForAddressAsync(new("[?&]q="));
        await page.WaitForFunctionAsync(
            "() => { const c = document.querySelector('[data-test=collection-total]'); return c && !c.textContent.includes('" + BrowserApp.DemoRecords + " records'); }");
        var found = Numbers(await page.Locator("[data-test=collection-total]").TextContentAsync())[0];
        Assert.InRange(found, 1, BrowserApp.DemoRecords - 1);
        Assert.Equal(found, await page.Locator("[data-test=cover-card]").CountAsync());
        await browser.ScreenshotAsync("collection");

        // A release shows its tracklist (the demo sync fetched every release's details).
        await page.Locator("[data-test=cover-card]").First.ClickAsync();
        await browser.WaitForAddressAsync(new(@"/releases/\d+$"));
        await page.Locator("[data-test=tracklist] [data-test=track]").First.WaitForAsync();
        Assert.Equal("full", await page.Locator("[data-test=release]").GetAttributeAsync("data-details"));
        Assert.True(await page.Locator("[data-test=track]").CountAsync() >= 2);
        await browser.ScreenshotAsync("release");
        Assert.True(await page.Locator(".vv-release-cover img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"),
            "the demo's cover image loads from this site");
        await EditTheCopyAsync(browser);

        // Search Discogs (here: the demo's simulator) shows covers.
        await page.ClickAsync("a[href='/search']");
        await page.FillAsync("#discogs-search", word);
        await page.ClickAsync("[data-test=search-submit]");
        await page.Locator("[data-test=search-result]").First.WaitForAsync();
        await page.Locator("[data-test=in-collection]").First.WaitForAsync(); // the artist searched for is in the collection
        await browser.ScreenshotAsync("search");
        await AddFromSearchAsync(browser);

        // A hit goes on the wantlist from Search; the Wantlist page lists it first (newest), beside the demo's own wants.
        var href = await page.Locator("div:has(> [data-test=add-to-wantlist]) > [data-test=search-result]").First.GetAttributeAsync("href");
        var releaseId = href!.Split('/')[^1];
        var hit = page.Locator($"div:has(> [data-test=search-result][href='{href}'])");
        await hit.Locator("[data-test=add-to-wantlist]").ClickAsync();
        await hit.Locator("[data-test=on-wantlist]").WaitForAsync();
        await page.ClickAsync("a[href='/wantlist']");
        await page.Locator($"[data-test=want-card][data-release='{releaseId}']").WaitForAsync();
        Assert.True(await page.Locator("[data-test=want-card] [data-test=in-collection]").CountAsync() > 0, "some of the demo's wants are owned already");
        await browser.ScreenshotAsync("wantlist");

        // The sync page lists the run; Settings shows the demo and the settings in effect, and leaves the demo.
        await page.ClickAsync("a[href='/sync']");
        await page.Locator("[data-test=history-run][data-outcome=completed]").WaitForAsync();
        await browser.ScreenshotAsync("sync");
        await page.ClickAsync("a[href='/settings']");
        await page.Locator("[data-test=demo-active]").WaitForAsync();
        Assert.Equal("2", (await page.Locator("[data-key='Discogs:RateLimitWindowSeconds'] .vv-setting-value").TextContentAsync())!.Trim());
        await browser.ScreenshotAsync("settings");

        // An API key: shown once, works for scripts, stops working when revoked.
        await page.FillAsync("#api-key-name", "home-assistant");
        await page.ClickAsync("[data-test=api-key-create]");
        var secret = (await page.Locator("[data-test=api-key-secret] code").TextContentAsync())!.Trim();
        using var script = new HttpClient { BaseAddress = app.BaseAddress };
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/account/discogs")).StatusCode);
        await page.ClickAsync("[data-test=api-key-revoke]");
        await page.ClickAsync(".mud-dialog button:has-text('Revoke')");
        await page.Locator("[data-test=api-keys-empty]").WaitForAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/account/discogs")).StatusCode);

        await page.ClickAsync("[data-test=leave-demo]");
        await page.Locator("[data-test=discogs-none]").WaitForAsync();
        Assert.Equal("60", (await page.Locator("[data-key='Discogs:RateLimitWindowSeconds'] .vv-setting-value").TextContentAsync())!.Trim());
        await page.ClickAsync("a[href='/']");
        await page.Locator("[data-test=empty-collection]").WaitForAsync();

        // Signed out, every page leads to sign-in.
        await page.ClickAsync("#sign-out");
        await browser.WaitForAddressAsync(new(@"/signin(\?|$)"));
        await page.GotoAsync("/collection");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await page.GotoAsync("/releases/1");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await page.GotoAsync("/setup"); // there is an owner now
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        await browser.ScreenshotAsync("signin");

        // Signing in again: a wrong password is refused under its field, the right one opens the page asked for.
        await page.GotoAsync("/collection");
        await page.FillAsync("#signin-username", "alice");
        await page.FillAsync("#signin-password", "wrong password");
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#signin-password-help"), "That user name and password do not match.");
        await page.FillAsync("#signin-username", "alice");
        await page.FillAsync("#signin-password", "correct horse battery");
        await page.ClickAsync("#signin-submit");
        await browser.WaitForAddressAsync(new("/collection$"));
        await browser.WaitForCircuitAsync();

        browser.AssertNoErrors();
    }

    // A release the collection lacks, found by its catalogue number, is added from the search results through the outbox.
    private async Task AddFromSearchAsync(BrowserPage browser)
    {
        var page = browser.Page;
        var simulator = app.Services.GetRequiredService<DiscogsSimulator>();
        var owned = simulator.Collection.Items.Select(i => i.ReleaseId).ToHashSet();
        // Neither owned nor wanted: the wantlist step below then wants this same hit.
        var card = Enumerable.Range(0, simulator.Catalog.Count).Select(simulator.Catalog.Card)
            .First(c => !owned.Contains(c.Id) && simulator.Collection.Wantlist[c.Id] is null && c.Catno.Length > 3);
        await page.FillAsync("#discogs-search", card.Catno);
        await page.ClickAsync("[data-test=search-submit]");
        var hit = page.Locator(".vv-search-hit", new() { Has = page.Locator($"a[href='https://www.discogs.com/release/{card.Id}']") });
        await hit.Locator("[data-test=add-to-collection]").ClickAsync();
        await hit.Locator("[data-test=add-confirm]").ClickAsync();
        await hit.Locator("[data-test=in-collection]").WaitForAsync();
        await hit.Locator("[data-test=pending]").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });
        Assert.Equal(1, Assert.Single(simulator.Collection.CopiesOf(card.Id)).FolderId);
    }

    // Local-first edits on the release page: each shows a pending mark at once, which goes when the outbox has delivered it to the demo's Discogs.
    private async Task EditTheCopyAsync(BrowserPage browser)
    {
        var page = browser.Page;
        var releaseId = long.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        var copy = page.Locator("[data-test=copy]").First;
        // Discogs refuses writes for a while, so the pending mark stays long enough to be seen (the outbox retries).
        var simulator = app.Services.GetRequiredService<DiscogsSimulator>();
        simulator.Faults.WritesUnavailable = true;
        // Clicking the star a copy already has clears it: aim for another one.
        var queries = app.Services.GetRequiredService<CollectionQueries>();
        var rating = (await queries.GetReleaseAsync(releaseId, default))!.Instances[0].Rating == 4 ? 3 : 4;
        await copy.Locator("[data-test=copy-rating] .mud-rating-item").Nth(rating - 1).ClickAsync();
        await copy.Locator("[data-test=pending]").WaitForAsync();
        await copy.Locator("[data-test=copy-folder]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Last.ClickAsync();
        await copy.Locator("[data-test=copy-media-condition]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
        await browser.ScreenshotAsync("release-editing");
        simulator.Faults.WritesUnavailable = false;
        await copy.Locator("[data-test=pending]").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 60_000 });

        var stored = (await queries.GetReleaseAsync(releaseId, default))!.Instances[0];
        var discogs = simulator.Collection[stored.InstanceId];
        Assert.Equal((rating, false), (stored.Rating, stored.Pending));
        Assert.Equal((discogs.Rating, discogs.FolderId), (stored.Rating, stored.FolderId));
        Assert.NotEqual(1, stored.FolderId);
        Assert.True(stored.Notes.ContainsKey("Media Condition"));
        Assert.Contains(discogs.Notes, n => n.Value == stored.Notes["Media Condition"]);
    }

    // Reads the bar's "processed / total" as often as it can until the sync says completed.
    private static async Task<(List<int> Seen, int Total)> WatchProcessedUntilCompletedAsync(BrowserPage browser)
    {
        var page = browser.Page;
        var seen = new List<int>();
        var total = 0;
        var bar = page.Locator("[data-test=sync-bar]");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await bar.GetAttributeAsync("data-status");
            var processed = page.Locator("[data-test=sync-processed] .vv-figure-value");
            if (await processed.CountAsync() > 0)
            {
                var figures = Numbers(await processed.TextContentAsync());
                (var value, total) = (figures[0], figures[1]);
                if (seen.Count == 0 || seen[^1] != value)
                {
                    seen.Add(value);
                    if (status == "syncing" && value > 0 && seen.Count(v => v > 0) == 1)
                    {
                        await browser.ScreenshotAsync("dashboard-syncing", fullPage: false);
                    }
                }
            }

            if (status == "completed")
            {
                return (seen, total);
            }

            Assert.NotEqual("failed", status);
            await Task.Delay(100);
        }

        throw new TimeoutException($"The demo sync did not complete within a minute (saw {string.Join(", ", seen)})");
    }

    private static async Task Expect(ILocator locator, string text)
    {
        await locator.WaitForAsync();
        await locator.Page.WaitForFunctionAsync("([el, text]) => el.textContent.includes(text)",
            new object[] { await locator.ElementHandleAsync(), text });
    }

    private static int[] Numbers(string? text) =>
        [.. Digits().Matches((text ?? "").Replace(",", "", StringComparison.Ordinal)).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
