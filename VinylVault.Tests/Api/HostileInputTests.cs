using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Core.Collection;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Sync;

namespace VinylVault.Tests.Api;

/// <summary>
/// Malformed, oversized and hostile values sent to every endpoint: the answer is a 4xx ProblemDetails, or (for a
/// hostile value that is still a valid search string) an ordinary answer, and never a 500; the database survives.
/// </summary>
public sealed partial class HostileInputTests(SyncedVault vault) : IClassFixture<SyncedVault>
{
    private static readonly string[] Values =
    [
        "' OR 1=1; --", "'; DROP TABLE Releases; --", "\" OR \"\"=\"", "1; DELETE FROM CollectionInstances", "%' --",
        "𝄞🎵 Ünïcødé ‮gnp.exe", "\u0000", "\u200B\uFEFF", "../../etc/passwd", "<script>alert(1)</script>",
        "99999999999999999999999", "-99999999999999999999", "1e308", "NaN", "0x7fffffff", "-1", "", " ", new string('x', 5000),
    ];

    private static readonly string[] QueryRoutes =
    [
        "/api/collection?q={0}", "/api/collection?genre={0}", "/api/collection?style={0}", "/api/collection?format={0}",
        "/api/collection?year_from={0}", "/api/collection?year_to={0}", "/api/collection?folder_id={0}", "/api/collection?rating={0}",
        "/api/collection?sort={0}", "/api/collection?order={0}", "/api/collection?page={0}", "/api/collection?page_size={0}",
        "/api/search?q={0}", "/api/search?q=abba&limit={0}", "/api/releases/{0}", "/api/keys/{0}", "/api/sync/history?{0}",
        "/api/stats?{0}", "/api/sync/status?{0}", "/api/account/discogs?{0}", "/api/wantlist?q={0}", "/api/wantlist?sort={0}",
        "/api/wantlist?order={0}", "/api/wantlist?page={0}", "/api/wantlist?page_size={0}", "/api/wantlist?format={0}",
        "/api/wantlist?year_from={0}", "/api/wantlist?year_to={0}",
    ];

    private static readonly (HttpMethod Method, string Path)[] BodyRoutes =
    [
        (HttpMethod.Post, "/api/sync/start"), (HttpMethod.Post, "/api/keys"), (HttpMethod.Put, "/api/account/discogs"),
        (HttpMethod.Put, "/api/wantlist/1"),
    ];

    private static readonly string[] Bodies =
    [
        "{", "}", "[", "null", "true", "\"text\"", "{\"force_full\": \"yes\"}", "{\"force_full\": 1e400}", "{\"name\": 123}",
        "{\"name\": {\"$ne\": null}}", "{\"username\": [\"a\"], \"token\": {}}", "{\"username\": \"a\u0000b\", \"token\": \"'; DROP TABLE DiscogsAccounts; --\"}",
        "{\"name\": \"" + new string('n', 10_000) + "\"}", new string('[', 5000) + new string(']', 5000), "\uFEFF{\"force_full\": false}",
        "{\"force_full\": false, \"force_full\": true}", "{\"force_full\": false, \"extra\": \"" + new string('e', 200_000) + "\"}",
    ];

    [Fact]
    public async Task Hostile_query_and_route_values_never_produce_a_server_error()
    {
        using var client = vault.App.CreateKeyClient();
        await IdleAsync();
        var before = await CountInstancesAsync();
        Assert.Equal(SimulatedVault.CollectionSize, before);
        foreach (var route in QueryRoutes)
        {
            foreach (var value in Values)
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(value));
                using var response = await client.GetAsync(path);
                await AssertNotAServerErrorAsync(response, $"GET {path}");
            }
        }

        foreach (var value in Values)
        {
            using var response = await client.DeleteAsync($"/api/keys/{Uri.EscapeDataString(value)}");
            await AssertNotAServerErrorAsync(response, $"DELETE /api/keys/{value}");
            using var want = await client.DeleteAsync($"/api/wantlist/{Uri.EscapeDataString(value)}");
            await AssertNotAServerErrorAsync(want, $"DELETE /api/wantlist/{value}");
        }

        Assert.Equal(before, await CountInstancesAsync());
    }

    [Fact]
    public async Task Malformed_and_oversized_bodies_are_refused_with_problem_details()
    {
        using var client = vault.App.CreateKeyClient();
        foreach (var (method, path) in BodyRoutes)
        {
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                await AssertNotAServerErrorAsync(response, $"{method} {path} {Shorten(body)}");
            }

            using var wrongType = new HttpRequestMessage(method, path) { Content = new StringContent("force_full=true", Encoding.UTF8, "text/plain") };
            using var refused = await client.SendAsync(wrongType);
            Assert.True(refused.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, $"{method} {path} text/plain: {refused.StatusCode}");
            await ApiAssert.ProblemAsync(refused, refused.StatusCode);

            using var huge = new HttpRequestMessage(method, path) { Content = new StringContent("{\"x\": \"" + new string('x', 128 * 1024) + "\"}", Encoding.UTF8, "application/json") };
            using var tooLarge = await client.SendAsync(huge);
            await ApiAssert.ProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        }

        // Some hostile bodies are still valid requests ({"force_full": false, "force_full": true} starts a sync).
        await IdleAsync();
    }

    [Fact]
    public async Task Hostile_sign_in_forms_are_answered_without_a_server_error()
    {
        foreach (var path in new[] { "/auth/signin", "/auth/setup" })
        {
            foreach (var value in Values)
            {
                using var client = vault.App.CreateAnonymousClient();
                using var response = await VaultApp.PostFormAsync(client, path, new() { ["user_name"] = value, ["password"] = value, ["return_url"] = value });
                Assert.True((int)response.StatusCode < 500, $"POST {path} {Shorten(value)}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.StartsWith("/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                    Assert.False(response.Headers.Location.OriginalString.StartsWith("//", StringComparison.Ordinal));
                }
            }
        }
    }

    [Fact]
    public async Task Hostile_return_urls_redirect_to_a_local_path_or_home_and_never_fail()
    {
        (string ReturnUrl, string Expected)[] cases =
        [
            ("/\t/evil.example/path", "/"), ("/\n/evil.example", "/"), ("/\r\nSet-Cookie: a=1", "/"), ("/ /evil.example", "/"),
            ("//evil.example", "/"), ("/\\evil.example", "/"), ("\\\\evil.example", "/"), ("https://evil.example/", "/"),
            ("javascript:alert(1)", "/"), ("/\u00a0/evil.example", "/"), ("/\u2028/evil.example", "/"), ("/\u0001", "/"),
            ("/é", "/%C3%A9"), ("/collection?q=Ünïcødé&page=2", "/collection?q=%C3%9Cn%C3%AFc%C3%B8d%C3%A9&page=2"),
            ("/collection?genre=Rock", "/collection?genre=Rock"), ("/releases/1#tracks", "/releases/1#tracks"),
        ];
        await using var app = new VaultApp(new Dictionary<string, string?> { ["Auth:FailedSignInLimit"] = "1000", ["Auth:FailedSignInAccountLimit"] = "1000" });
        (await app.CreateOwnerClientAsync()).Dispose();
        foreach (var (returnUrl, expected) in cases)
        {
            using var client = app.CreateAnonymousClient();
            using var signIn = await VaultApp.PostFormAsync(client, "/auth/signin", new()
            {
                ["user_name"] = VaultApp.OwnerName, ["password"] = VaultApp.OwnerPassword, ["return_url"] = returnUrl,
            });
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in with {Shorten(returnUrl)}: {signIn.StatusCode} {await signIn.Content.ReadAsStringAsync()}");
            Assert.Equal(expected, signIn.Headers.Location?.OriginalString);

            // A refused sign-in carries it back to the form, encoded.
            using var wrong = await VaultApp.PostFormAsync(client, "/auth/signin", new()
            {
                ["user_name"] = "nobody", ["password"] = "wrong password", ["return_url"] = returnUrl,
            });
            Assert.True(wrong.StatusCode == HttpStatusCode.Redirect, $"failed sign-in with {Shorten(returnUrl)}: {wrong.StatusCode}");
            Assert.StartsWith("/signin?error=invalid_credentials&return_url=", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.All(wrong.Headers.Location.OriginalString, c => Assert.True(char.IsAscii(c) && !char.IsControl(c) && c != ' '));
        }

        // A NUL: refused as a bad request or sent home, never a 500.
        using var nulClient = app.CreateAnonymousClient();
        using var nul = await VaultApp.PostFormAsync(nulClient, "/auth/signin", new()
        {
            ["user_name"] = VaultApp.OwnerName, ["password"] = VaultApp.OwnerPassword, ["return_url"] = "/\u0000/evil.example",
        });
        if (nul.StatusCode != HttpStatusCode.Redirect)
        {
            await ApiAssert.ProblemAsync(nul, HttpStatusCode.BadRequest);
        }
        else
        {
            Assert.Equal("/", nul.Headers.Location?.OriginalString);
        }
    }

    private static async Task AssertNotAServerErrorAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500 || response.StatusCode == HttpStatusCode.ServiceUnavailable && body.Contains("Discogs", StringComparison.Ordinal),
            $"{Shorten(what)} answered {status}: {Shorten(body)}");
        if (!response.Headers.Contains("Content-Security-Policy"))
        {
            // Kestrel itself refused the request line (a NUL in the path) before the app saw it: a bare 400.
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{Shorten(what)} never reached the app but answered {status}");
            return;
        }

        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{Shorten(what)} answered {status} without ProblemDetails: {Shorten(body)}");
            await ApiAssert.ProblemAsync(response, response.StatusCode);
        }
        else
        {
            JsonDocument.Parse(body).Dispose();
        }
    }

    private Task IdleAsync() => vault.App.Services.GetRequiredService<SyncWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));

    private async Task<int> CountInstancesAsync()
    {
        var contexts = vault.App.Services.GetRequiredService<IDbContextFactory<VaultDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Instances.CountAsync();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "...";
}
