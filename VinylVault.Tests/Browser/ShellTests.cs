namespace VinylVault.Tests.Browser;

public sealed class ShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_dashboard_opens_without_a_console_error()
    {
        await using var browser = await app.OpenAsync();

        await browser.Page.GotoAsync("/");
        await browser.WaitForCircuitAsync();

        Assert.Equal("Dashboard · VinylVault", await browser.Page.TitleAsync());
        await browser.ScreenshotAsync("shell");
        browser.AssertNoErrors();
    }
}
