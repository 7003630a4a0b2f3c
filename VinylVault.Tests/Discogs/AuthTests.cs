using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Discogs;
using VinylVault.Tests.Discogs.Support;
using static VinylVault.Tests.Discogs.Support.ScriptedDiscogs;

namespace VinylVault.Tests.Discogs;

/// <summary>The token and User-Agent on every request, the token nowhere else; the address from the account source.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task Every_try_carries_the_token_header_and_the_user_agent_and_never_the_token_in_the_url()
    {
        using var harness = DiscogsHarness.Create();
        harness.Primary.Then(Error(HttpStatusCode.BadGateway, "down"));

        await harness.Time.RunAsync(harness.Api.GetIdentityAsync(default), TimeSpan.FromMilliseconds(250));
        await harness.Api.SearchAsync("nirvana", "release", 5, default);

        Assert.Equal(3, harness.Primary.Count);
        Assert.All(harness.Primary.Requests, request =>
        {
            Assert.Equal($"Discogs token={DiscogsHarness.Token}", request.Authorization);
            Assert.Equal(DiscogsHarness.UserAgent, request.UserAgent);
            Assert.DoesNotContain(DiscogsHarness.Token, request.Uri.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("token", request.Uri.Query, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Without_a_token_no_header_is_sent_and_Discogs_401_is_an_authentication_error()
    {
        using var harness = DiscogsHarness.Create(settings: new Dictionary<string, string?> { ["Discogs:Token"] = "" });
        harness.Primary.Then(Error(HttpStatusCode.Unauthorized, "You must authenticate to access this resource."));

        await Assert.ThrowsAsync<DiscogsAuthenticationException>(() => harness.Api.GetIdentityAsync(default));

        Assert.Null(harness.Primary.Requests.Single().Authorization);
        Assert.Equal(DiscogsHarness.UserAgent, harness.Primary.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task The_token_never_reaches_an_exception_message()
    {
        using var harness = DiscogsHarness.Create(maxRetries: 0);
        harness.Primary.Then(
            Error(HttpStatusCode.Unauthorized, $"Invalid consumer token: token={DiscogsHarness.Token}"),
            Error(HttpStatusCode.BadRequest, $"echo: Authorization: Discogs token={DiscogsHarness.Token}"),
            Fail($"proxy refused GET with Discogs token={DiscogsHarness.Token}"));

        var errors = new List<DiscogsApiException>();
        for (var i = 0; i < 3; i++)
        {
            errors.Add(await Assert.ThrowsAnyAsync<DiscogsApiException>(() => harness.Api.GetIdentityAsync(default)));
        }

        Assert.Equal([typeof(DiscogsAuthenticationException), typeof(DiscogsApiException), typeof(DiscogsConnectionException)], errors.Select(e => e.GetType()));
        Assert.All(errors, error =>
        {
            Assert.DoesNotContain(DiscogsHarness.Token, error.ToString(), StringComparison.Ordinal); // inner exceptions too
            Assert.Contains("token=***", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_a_configured_agent_VinylVault_names_itself_and_its_version_and_nothing_else()
    {
        using var harness = DiscogsHarness.Create(settings: new Dictionary<string, string?> { ["Discogs:UserAgent"] = null });

        await harness.Api.GetIdentityAsync(default);

        var version = typeof(DiscogsOptions).Assembly.GetName().Version!.ToString(3);
        Assert.Equal($"VinylVault/{version}", harness.Primary.Requests.Single().UserAgent);
        Assert.Matches(@"^VinylVault/\d+\.\d+\.\d+$", harness.Primary.Requests.Single().UserAgent);
    }

    [Fact]
    public async Task The_base_address_comes_from_the_account_source_each_time_a_client_is_created()
    {
        var account = new MovableAccount { BaseAddress = new Uri("https://api.discogs.test") };
        using var harness = DiscogsHarness.Create(services: services => services.AddSingleton<IDiscogsAccount>(account));

        await harness.Api.GetIdentityAsync(default);
        account.BaseAddress = new Uri("http://127.0.0.1:5080/demo/discogs"); // e.g. demo mode, the simulator under a path
        account.Token = "demo-token";
        await harness.Api.GetIdentityAsync(default);

        Assert.Equal(
            ["https://api.discogs.test/oauth/identity", "http://127.0.0.1:5080/demo/discogs/oauth/identity"],
            harness.Primary.Requests.Select(r => r.Uri.ToString()));
        Assert.Equal("Discogs token=demo-token", harness.Primary.Requests[1].Authorization);
    }

    private sealed class MovableAccount : IDiscogsAccount
    {
        public required Uri BaseAddress { get; set; }

        public string? Username => "alice";

        public string? Token { get; set; } = DiscogsHarness.Token;
    }
}
