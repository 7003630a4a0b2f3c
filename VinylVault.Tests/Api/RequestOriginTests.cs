using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>
/// Unsafe requests authenticated by the cookie must come from the app's own origin (Origin, else Referer), the hub
/// too; an API key is not affected. Forwarded headers count only from Auth:KnownProxies.
/// </summary>
public sealed class RequestOriginTests : IAsyncDisposable
{
    private const string PublicName = "vinyl.example.com";
    private readonly VaultApp _app = new(new Dictionary<string, string?> { ["Auth:KnownProxies"] = "127.0.0.1", ["Auth:AllowedHosts"] = PublicName });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static HttpRequestMessage Post(string path, string? origin = null, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        // The client sends the app's own Origin by default; these requests name another one, or none.
        request.Headers.Remove("Origin");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return request;
    }

    private async Task<HttpClient> OwnerWithoutOriginAsync()
    {
        var owner = await _app.CreateOwnerClientAsync();
        owner.DefaultRequestHeaders.Remove("Origin");
        return owner;
    }

    [Fact]
    public async Task A_cookie_post_from_another_port_or_with_no_origin_is_refused_and_the_own_origin_passes()
    {
        using var owner = await OwnerWithoutOriginAsync();
        var otherPort = new UriBuilder(_app.Address) { Port = _app.Address.Port == 1 ? 2 : _app.Address.Port - 1 }.Uri.GetLeftPart(UriPartial.Authority);

        foreach (var (origin, referer) in new (string?, string?)[] { (otherPort, null), ("null", null), (null, otherPort + "/attack.html"), (null, null) })
        {
            using var start = await owner.SendAsync(Post("/api/sync/start", origin, referer));
            var problem = await ApiAssert.ProblemAsync(start, HttpStatusCode.Forbidden);
            Assert.Equal("Cross-origin request refused.", problem.GetProperty("title").GetString());
        }

        Assert.Equal("idle", (await owner.GetFromJsonAsync<JsonElement>("/api/sync/status")).GetProperty("sync_status").GetProperty("status").GetString());
        using var own = await owner.SendAsync(Post("/api/sync/cancel", _app.Origin));
        await ApiAssert.ProblemAsync(own, HttpStatusCode.Conflict);
        using var ownReferer = await owner.SendAsync(Post("/api/sync/cancel", null, _app.Origin + "/sync"));
        await ApiAssert.ProblemAsync(ownReferer, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_hub_refuses_a_cookie_from_another_origin_but_not_an_api_key()
    {
        using var owner = await OwnerWithoutOriginAsync();
        var otherPort = "http://127.0.0.1:1";
        using var foreign = await owner.SendAsync(Post("/hubs/sync/negotiate?negotiateVersion=1", otherPort));
        await ApiAssert.ProblemAsync(foreign, HttpStatusCode.Forbidden);
        using var own = await owner.SendAsync(Post("/hubs/sync/negotiate?negotiateVersion=1", _app.Origin));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        using var key = _app.CreateKeyClient();
        using var keyed = await key.SendAsync(Post("/api/sync/cancel", otherPort));
        await ApiAssert.ProblemAsync(keyed, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_origin_is_the_own_one()
    {
        using var owner = await OwnerWithoutOriginAsync();
        using var proxied = Post("/api/sync/cancel", "https://" + PublicName);
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-Host", PublicName);
        proxied.Headers.Add("X-Forwarded-For", "192.168.1.20");
        await ApiAssert.ProblemAsync(await owner.SendAsync(proxied), HttpStatusCode.Conflict);

        // The same headers from an address that is not a known proxy are ignored.
        await using var direct = new VaultApp();
        using var directOwner = await direct.CreateOwnerClientAsync();
        directOwner.DefaultRequestHeaders.Remove("Origin");
        using var spoofed = Post("/api/sync/cancel", "https://" + PublicName);
        spoofed.Headers.Add("X-Forwarded-Proto", "https");
        spoofed.Headers.Add("X-Forwarded-Host", "localhost");
        await ApiAssert.ProblemAsync(await directOwner.SendAsync(spoofed), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_home_network_names_and_configured_hosts_are_answered()
    {
        (string Host, bool Allowed)[] cases =
        [
            ("evil.example", false), ("rebind.attacker.example:5080", false), ("sub." + PublicName, false), ("localhost.evil.example", false),
            ("localhost", true), ("127.0.0.1", true), ("[::1]:8080", true), ("192.168.1.20:5080", true), ("raspberrypi.local", true),
            ("pi.lan", true), ("pi.home.arpa", true), (PublicName, true), (System.Net.Dns.GetHostName(), true),
        ];
        using var client = _app.CreateAnonymousClient();
        foreach (var (host, allowed) in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/status");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            if (allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{host}: {response.StatusCode}");
            }
            else
            {
                var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
                Assert.Contains("Auth:AllowedHosts", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_fresh_install_cannot_be_claimed_under_a_foreign_host_name()
    {
        using var client = _app.CreateAnonymousClient();
        using var token = new HttpRequestMessage(HttpMethod.Get, "/auth/antiforgery");
        token.Headers.Host = "rebind.attacker.example";
        await ApiAssert.ProblemAsync(await client.SendAsync(token), HttpStatusCode.BadRequest);
        using var setup = new HttpRequestMessage(HttpMethod.Post, "/auth/setup")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user_name"] = "mallory", ["password"] = "mallory's password" }),
        };
        setup.Headers.Host = "rebind.attacker.example";
        await ApiAssert.ProblemAsync(await client.SendAsync(setup), HttpStatusCode.BadRequest);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/auth/status")).GetProperty("owner_exists").GetBoolean());
    }
}
