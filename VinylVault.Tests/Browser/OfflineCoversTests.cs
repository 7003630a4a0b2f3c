using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using VinylVault.Core.Covers;
using VinylVault.Tests.Api;
using VinylVault.Tests.Covers;
using VinylVault.Tests.Simulator;
using VinylVault.Ui.Sync;
using Xunit.Abstractions;

namespace VinylVault.Tests.Browser;

/// <summary>
/// The app pointed at a simulated Discogs on a socket of its own (its API and its image host), so that the test can
/// stop it: a Pi whose internet is gone. The cover lane is time-scaled like <see cref="CoverVault"/>'s.
/// </summary>
public sealed class OfflineCoversApp : BrowserApp
{
    // A couple of hundred releases with images: "a few hundred", at what the simulator's drawing costs a busy 2-core machine.
    public const int Copies = 220;

    private Dictionary<string, string> _settings = [];

    public SimulatorServer? Discogs { get; private set; }

    protected override IReadOnlyDictionary<string, string> Settings => _settings;

    public override async Task InitializeAsync()
    {
        Discogs = await DiscogsFixture.StartAsync(Copies);
        _settings = CoverVault.Settings(Discogs).ToDictionary(s => s.Key, s => s.Value ?? "");
        await base.InitializeAsync();
    }

    /// <summary>Stops the simulated Discogs, API and images alike.</summary>
    public async Task StopDiscogsAsync()
    {
        if (Discogs is { } discogs)
        {
            Discogs = null;
            await discogs.DisposeAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await StopDiscogsAsync();
    }
}

/// <summary>Every cover kept on the Pi: synced, cached politely, then shown with Discogs gone, from this site alone.</summary>
[Collection(WholeAppCollection.Name)]
public sealed class OfflineCoversTests(OfflineCoversApp app, ITestOutputHelper output) : IClassFixture<OfflineCoversApp>
{
    // The covers in view (or the release page's images): each either loaded, or the placeholder and why.
    private const string CoversInView = """
        () => {
          const inView = [...document.querySelectorAll('.vv-cover')].filter(c => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
          });
          const images = inView.map(c => c.querySelector('img')).filter(i => i);
          if (inView.length === 0 || images.some(i => !i.complete)) return false;
          const release = c => c.closest('[data-release]')?.dataset.release ?? null;
          return {
            loaded: images.filter(i => i.naturalWidth > 0).length,
            broken: images.filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src')),
            failed: inView.filter(c => c.querySelector('[data-cover=failed]')).map(release),
            none: inView.filter(c => c.querySelector('[data-cover=none]')).map(release),
          };
        }
        """;

    [Fact]
    public async Task With_every_cover_cached_and_Discogs_gone_the_grid_table_wantlist_and_a_release_page_load_from_this_site_alone()
    {
        var discogs = app.Discogs!;
        var images = discogs.Simulator.Images;
        var withImages = CoverVault.ReleasesWithImages(discogs);
        var wants = CoverVault.WantsWithImages(discogs); // prefetched after the collection's, shown by the Wantlist page
        var cached = 2 * (withImages.Count + wants.Count);
        var releases = discogs.ExpectedCollection().Select(i => i.BasicInformation.Id).Distinct().ToList();
        var several = releases.First(id => discogs.ExpectedRelease(id)!.Images.Count >= 3);
        using var client = app.App.CreateKeyClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await SyncedVault.SyncThroughRestAsync(app.App, client);
        output.WriteLine($"{releases.Count} releases ({withImages.Count} with images) synced after {clock.Elapsed}");

        // Every request the browser makes, online and offline; the owner signs in, and opens one release while online
        // (its other images are kept once its page is opened).
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        var requests = new List<string>();
        page.Context.Request += (_, request) => Record(requests, request.Url);
        page.WebSocket += (_, socket) => Record(requests, socket.Url);
        await SignInAsync(browser);
        await page.GotoAsync($"/releases/{several}");
        await page.Locator("[data-test=release-images] img").First.WaitForAsync();
        Assert.True(await AllCoversLoadAsync(page), "the release's images load while online");

        var covers = await CoverVault.WaitForCoversAsync(client, TimeSpan.FromSeconds(180));
        output.WriteLine($"covers settled after {clock.Elapsed}: {covers}");
        Assert.Equal(cached, covers.GetProperty("cached").GetInt32());
        Assert.Equal((0, 0, 0, 0), (covers.GetProperty("missing").GetInt32(), covers.GetProperty("failed").GetInt32(),
            covers.GetProperty("refused").GetInt32(), covers.GetProperty("queued").GetInt32()));

        // Polite: never more at once, or in any window, than configured; no token for the image host; each image once.
        output.WriteLine($"{images.Requests} image requests, at most {images.PeakInFlight} at once and {images.PeakInWindow(CoverVault.Window)} in a window");
        Assert.InRange(images.PeakInFlight, 1, CoverVault.Concurrency);
        Assert.InRange(images.PeakInWindow(CoverVault.Window), 1, CoverVault.Limit);
        Assert.Equal(0, images.WithAuthorization);
        Assert.Equal(images.Requests, images.Served);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Matches("vinylvault_cover_downloads_total\\{[^}]*result=\"cached\"", metrics);
        Assert.Contains("vinylvault_cover_cache_files", metrics, StringComparison.Ordinal);

        // Discogs is gone: its API and its image host.
        var discogsBase = discogs.BaseUrl;
        await app.StopDiscogsAsync();
        using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"{discogsBase}/images/R-{withImages[0]}-1.png"));
        }

        foreach (var id in withImages.Concat(wants))
        {
            foreach (var kind in (string[])[CoverKind.Thumb, CoverKind.Cover])
            {
                using var response = await client.GetAsync($"/covers/{id}/{kind}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("image/png", ImageSniffer.ContentType(await response.Content.ReadAsByteArrayAsync()));
            }
        }

        // The grid from top to bottom, the table's first and last screens, the wantlist, the release opened before, the cover line.
        var offline = Snapshot(requests).Count;
        await page.GotoAsync("/collection");
        await browser.WaitForCircuitAsync();
        var grid = await WalkAsync(page, "[data-test=cover-card]", screens: int.MaxValue);
        await page.GotoAsync("/collection?view=table");
        await browser.WaitForCircuitAsync();
        var table = await WalkAsync(page, "[data-test=collection-row]", screens: 2);
        await page.GotoAsync("/wantlist");
        await browser.WaitForCircuitAsync();
        var wanted = await WalkAsync(page, "[data-test=want-card]", screens: int.MaxValue);
        await page.GotoAsync($"/releases/{several}");
        await page.Locator("[data-test=release-images] img").First.WaitForAsync();
        Assert.True(await AllCoversLoadAsync(page), "the release opened online shows every image offline");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-test=cover-progress]"))
            .ToContainTextAsync($"covers {SyncFormat.Count(cached)} / {SyncFormat.Count(cached)}");
        await browser.ScreenshotAsync("collection-offline", fullPage: false);

        var all = Snapshot(requests);
        output.WriteLine($"offline: {grid.Loaded} covers loaded in the grid ({grid.Screens} screens), {table.Loaded} in the table, {wanted.Loaded} on the wantlist; " +
            $"{all.Count - offline} requests offline, {all.Count} in all");
        Assert.Equal(withImages.Count, grid.Releases.Count(withImages.Contains));
        Assert.Equal(wants.Count, wanted.Releases.Count(wants.Contains));
        var placeholders = grid.Placeholders.Concat(table.Placeholders).Concat(wanted.Placeholders).ToList();
        Assert.All(placeholders, id => Assert.DoesNotContain(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), withImages.Concat(wants)));
        var foreign = all.Where(url => !SameOrigin(url)).ToList();
        Assert.True(foreign.Count == 0, "requests to other origins:\n" + string.Join("\n", foreign));
        Assert.Contains(all.Skip(offline), url => url.Contains("/covers/", StringComparison.Ordinal));
        browser.AssertNoErrors();
    }

    private async Task SignInAsync(BrowserPage browser)
    {
        (await app.App.CreateOwnerClientAsync()).Dispose();
        var page = browser.Page;
        await page.GotoAsync("/collection");
        await page.FillAsync("#signin-username", VaultApp.OwnerName);
        await page.FillAsync("#signin-password", VaultApp.OwnerPassword);
        await page.ClickAsync("#signin-submit");
        await browser.WaitForAddressAsync(new("/collection$"));
    }

    /// <summary>
    /// Scrolls a screen at a time (at most <paramref name="screens"/>, then the last one) and checks the covers in view
    /// on each: loaded, or the placeholder of a release without images; never a cover that could not be had.
    /// </summary>
    private static async Task<Walk> WalkAsync(IPage page, string item, int screens)
    {
        await page.Locator(item).First.WaitForAsync();
        var walk = new Walk();
        for (var screen = 0; ; screen++)
        {
            var seen = await (await page.WaitForFunctionAsync(CoversInView)).JsonValueAsync<JsonElement>();
            Assert.Empty(seen.GetProperty("broken").EnumerateArray());
            Assert.Empty(seen.GetProperty("failed").EnumerateArray());
            walk.Loaded += seen.GetProperty("loaded").GetInt32();
            walk.Placeholders.AddRange(seen.GetProperty("none").EnumerateArray().Select(e => e.GetString()!));
            walk.Screens++;
            var ids = await page.Locator(item).EvaluateAllAsync<long[]>("items => items.map(i => Number(i.dataset.release))");
            walk.Releases.UnionWith(ids);
            var atEnd = await page.EvaluateAsync<bool>("() => Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 2");
            if (atEnd)
            {
                return walk;
            }

            var script = screen + 1 < screens ? "() => scrollBy(0, innerHeight * 0.9)" : "() => scrollTo(0, document.documentElement.scrollHeight)";
            await page.EvaluateAsync(script);
            await page.WaitForTimeoutAsync(50); // the virtualized list swaps its rows in
        }
    }

    private static async Task<bool> AllCoversLoadAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.vv-release-art img')].every(i => i.complete)");
        return await page.EvaluateAsync<bool>(
            "() => { const all = [...document.querySelectorAll('.vv-release-art img')]; return all.length > 1 && all.every(i => i.naturalWidth > 0) && !document.querySelector('.vv-release-art [data-cover]'); }");
    }

    private bool SameOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Authority == app.BaseAddress.Authority
        && uri.Scheme is "http" or "ws";

    private static List<string> Snapshot(List<string> requests)
    {
        lock (requests)
        {
            return [.. requests];
        }
    }

    private static void Record(List<string> requests, string url)
    {
        lock (requests)
        {
            requests.Add(url);
        }
    }

    private sealed class Walk
    {
        public int Loaded { get; set; }
        public int Screens { get; set; }
        public List<string> Placeholders { get; } = [];
        public HashSet<long> Releases { get; } = [];
    }
}
