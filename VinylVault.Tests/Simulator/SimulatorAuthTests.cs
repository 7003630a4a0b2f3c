using System.Net;
using System.Net.Http.Headers;

namespace VinylVault.Tests.Simulator;

/// <summary>The simulator wants "Authorization: Discogs token=..." like Discogs, and records who called.</summary>
public sealed class SimulatorAuthTests
{
    private static Task<SimulatorServer> StartAsync() => SimulatorServer.StartAsync(o => (o.CollectionSize, o.Token) = (10, "s3cret-token"));

    [Fact]
    public async Task Without_a_token_every_endpoint_is_401_with_discogs_message_and_rate_headers()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(authenticated: false);

        foreach (var path in new[] { "oauth/identity", "users/demo/collection/folders", "users/demo/collection/folders/0/releases", "database/search?q=x", "users/demo/wants" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("You must authenticate to access this resource.", await response.MessageAsync());
            Assert.Equal(60, response.Header("X-Discogs-Ratelimit"));
        }
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_the_right_one_passes()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(authenticated: false);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Discogs", "token=wrong");
        using var wrong = await client.GetAsync("oauth/identity");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        using var wrongScheme = await client.GetAsync("oauth/identity");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Discogs", "token=s3cret-token");
        using var right = await client.GetAsync("oauth/identity");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongScheme.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(2, server.Simulator.Counters.Requests("identity", 401));
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();

        using var before = await client.GetAsync("oauth/identity");
        server.Simulator.Token = "a-new-token";
        using var after = await client.GetAsync("oauth/identity");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task A_token_in_the_query_works_as_on_discogs_but_is_counted()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(authenticated: false);

        using var response = await client.GetAsync("oauth/identity?token=s3cret-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Simulator.Counters.TokenInQuery);
    }

    [Fact]
    public async Task The_user_agent_of_each_request_is_recorded()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        using var bare = new HttpClient { BaseAddress = client.BaseAddress };

        (await client.GetAsync("oauth/identity")).Dispose();
        (await client.GetAsync("oauth/identity")).Dispose();
        (await bare.GetAsync("oauth/identity")).Dispose();

        var agents = server.Simulator.Counters.UserAgents;
        Assert.Equal(2, agents[SimulatorServer.TestUserAgent]);
        Assert.Equal(1, agents[""]);
    }

    [Fact]
    public async Task Cover_images_need_no_token_like_discogs_image_host()
    {
        await using var server = await StartAsync();
        using var authenticated = server.CreateClient();
        var cover = (await authenticated.GetDiscogsAsync<VinylVault.Core.Discogs.CollectionPage>("users/demo/collection/folders/0/releases"))
            .Releases.Select(r => r.BasicInformation.CoverImage).First(c => !string.IsNullOrEmpty(c));
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(cover);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_flood_of_anonymous_requests_to_the_demo_does_not_use_up_the_tokens_budget()
    {
        await using var app = new VinylVault.Tests.Api.VaultApp(new Dictionary<string, string?>
        {
            ["Demo:Simulator:Token"] = "demo-token-for-this-test",
            ["Demo:Simulator:RateLimit"] = "20",
            ["Demo:Simulator:RateLimitWindowSeconds"] = "600",
        });
        using var anyone = new HttpClient { BaseAddress = new Uri(app.Address, "demo/discogs/") };
        for (var i = 0; i < 30; i++)
        {
            using var refused = await anyone.GetAsync("oauth/identity");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(20, refused.Header("X-Discogs-Ratelimit-Remaining"));
        }

        using var demo = new HttpClient { BaseAddress = anyone.BaseAddress };
        demo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Discogs", "token=demo-token-for-this-test");
        using var served = await demo.GetAsync("oauth/identity");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(19, served.Header("X-Discogs-Ratelimit-Remaining"));
    }
}
