namespace VinylVault.Tests.Browser;

public sealed class ShellTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Before_an_owner_exists_every_page_leads_to_set_up()
    {
        await using var browser = await app.OpenAsync();

        await browser.Page.GotoAsync("/collection");

        Assert.EndsWith("/setup", new Uri(browser.Page.Url).AbsolutePath);
        Assert.Equal("Set up · VinylVault", await browser.Page.TitleAsync());
        await browser.ScreenshotAsync("setup");
        browser.AssertNoErrors();
    }
}
