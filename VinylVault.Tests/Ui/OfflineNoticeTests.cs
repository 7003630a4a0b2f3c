using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Ui.Sync;

namespace VinylVault.Tests.Ui;

public sealed class OfflineNoticeTests
{
    [Fact]
    public async Task The_dashboard_says_offline_while_Discogs_cannot_be_reached_and_stops_when_it_answers_again()
    {
        await using var ctx = MudTestContext.Create(out var time);
        var connectivity = new DiscogsConnectivity(ctx.Services, new Account(), time);
        ctx.Services.AddSingleton(connectivity);
        var discogs = new Switchable();
        using var client = new HttpClient(new DiscogsConnectivityHandler(connectivity) { InnerHandler = discogs }) { BaseAddress = new("https://api.discogs.test/") };

        var notice = ctx.Render<OfflineNotice>();
        Assert.Empty(notice.FindAll("[data-test=offline]"));

        discogs.Down = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/oauth/identity"));
        notice.WaitForAssertion(() => Assert.Contains("Offline. Discogs is unreachable.", notice.Find("[data-test=offline]").TextContent));

        discogs.Down = false;
        (await client.GetAsync("/oauth/identity")).Dispose();
        notice.WaitForAssertion(() => Assert.Empty(notice.FindAll("[data-test=offline]")));
    }

    private sealed class Switchable : HttpMessageHandler
    {
        public bool Down { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Down ? throw new HttpRequestException("Connection refused") : Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }

    private sealed class Account : IDiscogsAccount
    {
        public Uri BaseAddress { get; } = new("https://api.discogs.test/");

        public string? Username => "alice";

        public string? Token => "a-token";
    }
}
