using Bunit;
using VinylVault.Ui.Settings;

namespace VinylVault.Tests.Ui;

public sealed class DiscogsConnectFormTests
{
    [Fact]
    public async Task Test_connection_shows_what_Discogs_answered_and_saves_nothing()
    {
        await using var ctx = MudTestContext.Create();
        var calls = new List<string>();
        var form = ctx.Render<DiscogsConnectForm>(p => p
            .Add(f => f.Test, (u, t) => { calls.Add($"test {u} {t}"); return Task.FromResult(new ConnectionResult(false, "Discogs rejected the token")); })
            .Add(f => f.Connect, (u, t) => { calls.Add("connect"); return Task.FromResult(new ConnectionResult(true, "")); }));

        Assert.True(form.Find("[data-test=connect-test]").HasAttribute("disabled"));
        form.Find("#discogs-username").Input(" alice ");
        form.Find("#discogs-token").Input("abc123");
        form.Find("[data-test=connect-test]").Click();

        form.WaitForAssertion(() => Assert.Equal("Discogs rejected the token", form.Find("[data-test=connect-result]").TextContent.Trim()));
        Assert.Contains("mud-alert-text-error", form.Find("[data-test=connect-result]").ClassName);
        Assert.Equal(["test alice abc123"], calls);
    }

    [Fact]
    public async Task Connect_hands_over_both_values_and_reports_success()
    {
        await using var ctx = MudTestContext.Create();
        (string, string)? connected = null;
        var form = ctx.Render<DiscogsConnectForm>(p => p
            .Add(f => f.InitialUsername, "alice")
            .Add(f => f.Test, (_, _) => Task.FromResult(new ConnectionResult(true, "")))
            .Add(f => f.Connect, (u, t) => { connected = (u, t); return Task.FromResult(new ConnectionResult(true, "Connected as alice")); }));

        form.Find("#discogs-token").Input("abc123");
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.Equal(("alice", "abc123"), connected));
        Assert.Equal("Connected as alice", form.Find("[data-test=connect-result]").TextContent.Trim());
        Assert.Equal("https://www.discogs.com/settings/developers", form.Find("a[target=_blank]").GetAttribute("href"));
    }
}
