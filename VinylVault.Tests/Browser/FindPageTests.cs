using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VinylVault.Api.Simulator;
using VinylVault.Core.Sync;
using VinylVault.Ui.Welcome;

namespace VinylVault.Tests.Browser;

/// <summary>A small demo collection synced with its details (barcodes come with them).</summary>
public sealed class FindApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Demo:Simulator:CollectionSize"] = "30",
        ["Demo:Simulator:RateLimit"] = "1000",
        ["Demo:Simulator:RateLimitWindowSeconds"] = "1",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<IDemoMode>().StartAsync(CancellationToken.None);
        await Support.Eventually.TrueAsync(() => Services.GetRequiredService<SyncWorker>().Status.Status == SyncState.Completed, "the demo's first sync");
    }
}

[Collection(WholeAppCollection.Name)]
public sealed class FindPageTests(FindApp app) : IClassFixture<FindApp>
{
    [Fact]
    public async Task On_a_phone_typing_a_barcode_as_printed_says_you_own_it_and_where()
    {
        var simulator = app.Services.GetRequiredService<DiscogsSimulator>();
        var copy = simulator.Collection.Items.First(i => simulator.Catalog.TryGet(i.ReleaseId, out var r) && r.Barcode is not null);
        simulator.Catalog.TryGet(copy.ReleaseId, out var release);
        var digits = new string([.. release.Barcode!.Where(char.IsAsciiDigit)]);
        var copies = simulator.Collection.CopiesOf(copy.ReleaseId).Count;
        await using var browser = await app.OpenAsync(width: 390, height: 844);
        var page = browser.Page;
        await browser.SetUpOwnerAsync();

        await page.GotoAsync("/find");
        await browser.WaitForCircuitAsync();
        await page.Locator(".vv-find[data-ready=true]").WaitForAsync();
        // The printed form, as a person copies it off the sleeve, without the leading zero of the UPC.
        await page.Locator("#find-input").PressSequentiallyAsync($"{digits[1..6]} {digits[6..11]} {digits[11]}", new() { Delay = 20 });

        var row = page.Locator($"[data-test=find-row][data-release='{release.Id}']");
        await Assertions.Expect(row.Locator("[data-test=find-verdict]")).ToContainTextAsync(copies == 1 ? "you own 1 copy (" : $"you own {copies} copies (");
        await Assertions.Expect(row).ToContainTextAsync(release.Title);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "nothing sticks out of a phone's width");
        // The camera button only where the browser can scan (a secure context with BarcodeDetector).
        var canScan = await page.EvaluateAsync<bool>("() => window.isSecureContext && 'BarcodeDetector' in window");
        Assert.Equal(canScan ? 1 : 0, await page.Locator("[data-test=find-scan]").CountAsync());
        await browser.ScreenshotAsync("find-phone");

        // A whole barcode that is not yours: Discogs is asked, and the release can be added from the answer.
        var owned = simulator.Collection.ReleaseIds.ToHashSet();
        var other = simulator.CatalogReleaseIds.Select(id => simulator.Catalog.TryGet(id, out var r) ? r : null)
            .First(r => r is { Barcode: not null } && !owned.Contains(r.Id))!;
        await page.Locator("#find-input").FillAsync(other.Barcode!);
        var found = page.Locator($"[data-test=find-row][data-release='{other.Id}']");
        await Assertions.Expect(found.Locator("[data-test=find-verdict]")).ToHaveTextAsync("not yours");
        await found.Locator("[data-test=add-to-collection]").ClickAsync();
        await found.Locator("[data-test=add-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-test=find-row][data-release='{other.Id}'] [data-test=find-verdict]")).ToHaveTextAsync("you own 1 copy (Uncategorized)");

        // A want found at a fair, typed by its title: the row says so and adds it to the collection without Discogs' search.
        var want = simulator.Collection.Wants.Select(w => simulator.Catalog.TryGet(w.ReleaseId, out var r) ? r : null)
            .First(r => r is not null && !owned.Contains(r.Id) && r.Id != other.Id)!;
        await page.Locator("#find-input").FillAsync(want.Title);
        var wanted = page.Locator($"[data-test=find-row][data-release='{want.Id}']");
        await Assertions.Expect(wanted.Locator("[data-test=find-verdict]")).ToHaveTextAsync("on your wantlist");
        await wanted.Locator("[data-test=add-to-collection]").ClickAsync();
        await wanted.Locator("[data-test=add-confirm]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-test=find-row][data-release='{want.Id}'] [data-test=find-verdict]")).ToHaveTextAsync("you own 1 copy (Uncategorized)");
        browser.AssertNoErrors();
    }
}
