using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VinylVault.Tests.Browser;

/// <summary>A page that remembers every console error and uncaught exception, so a test can fail on any of them.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Waits until Blazor's circuit is up, so that clicks reach interactive components.</summary>
    public async Task WaitForCircuitAsync()
    {
        try
        {
            await Page.WaitForFunctionAsync("() => document.querySelector('[data-circuit=up]') !== null");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The Blazor circuit did not start. Browser errors:\n{string.Join("\n", Errors)}", e);
        }
    }

    /// <summary>The first visit: creates the owner through the set-up page (the app redirects there) and signs in.</summary>
    public async Task SetUpOwnerAsync(string firstPage = "/", string userName = "alice", string password = "correct horse battery")
    {
        await Page.GotoAsync(firstPage);
        Assert.Equal("/setup", new Uri(Page.Url).AbsolutePath);
        await Page.FillAsync("#setup-username", userName);
        await Page.FillAsync("#setup-password", password);
        await Page.FillAsync("#setup-confirm", password);
        await Page.ClickAsync("#setup-submit");
        await WaitForAddressAsync(new("/welcome$"));
    }

    /// <summary>
    /// Waits until the address matches, by looking at it again and again. Not WaitForURL: that looks once, then waits
    /// for the next navigation, and a Blazor navigation that lands in between (a busy machine makes it likely) leaves
    /// it waiting for one that never comes. Nor the load event, which also waits for every cover. What a step needs
    /// next, it waits for itself.
    /// </summary>
    public Task WaitForAddressAsync(Regex address) => Assertions.Expect(Page).ToHaveURLAsync(address);

    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(BrowserApp.ScreenshotDirectory);
        var path = Path.Combine(BrowserApp.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, "The browser logged errors:\n" + string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
