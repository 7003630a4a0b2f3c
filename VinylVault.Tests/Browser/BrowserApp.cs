using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VinylVault.Tests.Browser;

/// <summary>
/// The whole app on a real 127.0.0.1 socket (a browser cannot talk to TestServer) with its own data directory,
/// and Debian's Chromium driven by Playwright (never `playwright install`: the package needs no browser download).
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("vinylvault-browser-").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public Uri BaseAddress { get; private set; } = default!;
    public IServiceProvider Services => _factory!.Services;

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
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            // Outside Development, an unpublished build finds the files of blazor.web.js, MudBlazor and the Ui
            // library only through the static web assets manifest.
            web.UseStaticWebAssets();
            web.UseSetting("Storage:DataDirectory", _dataDirectory);
            web.UseSetting("Sync:AutoSyncHours", "0");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
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
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp directory is cleaned by the OS eventually.
        }
    }
}
