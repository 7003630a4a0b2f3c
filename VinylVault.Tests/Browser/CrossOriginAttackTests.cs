using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VinylVault.Tests.Browser;

/// <summary>
/// The attacker is another service on the same host (another port: the same site, so the browser sends the owner's
/// SameSite=Lax cookie). Its page tries a forged no-cors POST and a WebSocket to the hub; both must be refused,
/// while the dashboard's own forms (change password, sign out everywhere) keep working.
/// </summary>
[Collection(WholeAppCollection.Name)]
public sealed class CrossOriginAttackTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string AttackPage = """
        <!doctype html><html><body><script>
        const target = new URLSearchParams(location.search).get('target');
        (async () => {
          const result = {};
          try {
            await fetch(target + '/api/sync/start', { method: 'POST', credentials: 'include', mode: 'no-cors' });
            result.post = 'sent';
          } catch (e) { result.post = 'failed: ' + e; }
          result.socket = await new Promise(resolve => {
            const socket = new WebSocket(target.replace('http', 'ws') + '/hubs/sync');
            socket.onopen = () => socket.send('{"protocol":"json","version":1}\u001e');
            socket.onmessage = m => { resolve('open: ' + m.data); socket.close(); };
            socket.onerror = () => resolve('refused');
            socket.onclose = e => resolve('closed ' + e.code);
          });
          document.body.dataset.result = JSON.stringify(result);
        })();
        </script></body></html>
        """;

    [Fact]
    public async Task A_page_on_another_port_can_neither_post_with_the_cookie_nor_open_the_hub_while_the_own_forms_work()
    {
        await using var attacker = await StartAttackerAsync();
        await using var browser = await app.OpenAsync();
        var page = browser.Page;
        await browser.SetUpOwnerAsync();

        // The attack runs in another tab of the same browser (so with the owner's cookie); its refusals are logged
        // there, not on the dashboard's page.
        var target = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var tab = await page.Context.NewPageAsync();
        var forged = tab.WaitForResponseAsync(r => r.Url.EndsWith("/api/sync/start", StringComparison.Ordinal));
        await tab.GotoAsync($"{attacker.Address}?target={Uri.EscapeDataString(target)}");
        Assert.Equal((int)HttpStatusCode.Forbidden, (await forged).Status);
        await tab.WaitForFunctionAsync("() => document.body.dataset.result !== undefined");
        var result = JsonDocument.Parse(await tab.EvaluateAsync<string>("() => document.body.dataset.result")).RootElement;
        Assert.Equal("sent", result.GetProperty("post").GetString());
        Assert.DoesNotContain("open", result.GetProperty("socket").GetString(), StringComparison.Ordinal);
        await tab.CloseAsync();

        // The dashboard's own pages: a new password keeps this session, then signing out everywhere ends it.
        await page.GotoAsync(target + "/settings");
        await browser.WaitForCircuitAsync();
        await page.FillAsync("#password-current", "correct horse battery");
        await page.FillAsync("#password-new", "a newer horse battery");
        await page.FillAsync("#password-confirm", "a newer horse battery");
        await page.ClickAsync("#password-submit");
        await Assertions.Expect(page.Locator("[data-test=password-changed]")).ToBeVisibleAsync();
        await browser.WaitForCircuitAsync();
        await page.ClickAsync("#sign-out-everywhere");
        await browser.WaitForAddressAsync(new("/signin"));
        var status = await page.EvaluateAsync<JsonElement>("() => fetch('/auth/status').then(r => r.json())");
        Assert.False(status.GetProperty("authenticated").GetBoolean());
        browser.AssertNoErrors();
    }

    private static async Task<Attacker> StartAttackerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/", () => Results.Content(AttackPage, "text/html"));
        await site.StartAsync();
        var address = site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Attacker(site, address + "/");
    }

    private sealed record Attacker(WebApplication Site, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Site.DisposeAsync();
    }
}
