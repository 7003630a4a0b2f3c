using Microsoft.Playwright;
using VinylVault.Tests.Api;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Browser;

/// <summary>
/// The whole app as the API tests build it (<see cref="VaultApp"/>: a real 127.0.0.1 socket, which a browser needs,
/// and its own data directory), run as in production, and Debian's Chromium driven by Playwright (never
/// `playwright install`: the package needs no browser download).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    // Disposed in DisposeAsync (xunit's lifetime), like every fixture's app.
    public VaultApp App { get; private set; } = default!;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public IServiceProvider Services => App.Services;

    public const int DemoRecords = 120;

    /// <summary>A demo small and fast enough for a test: 55 of the simulator's 60 requests per 2-second window.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Demo:Simulator:CollectionSize"] = DemoRecords.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:Simulator:RateLimitWindowSeconds"] = "2",
    };

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public virtual async Task InitializeAsync()
    {
        App = new VaultApp(Settings.ToDictionary(s => s.Key, s => (string?)s.Value), environment: "Production");
        BaseAddress = App.Address;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = InstalledProgram.Find("chromium", "chromium-browser"),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies) and page that records every console error.</summary>
    public async Task<BrowserPage> OpenAsync(int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        // One patience for actions and for Playwright's retrying assertions (whose own default is 5 s).
        const float Patience = 15_000;
        page.SetDefaultTimeout(Patience);
        Assertions.SetDefaultExpectTimeout(Patience);
        return new BrowserPage(context, page);
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
