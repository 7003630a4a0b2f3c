using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>Sessions end on the server: sign-out and a new password invalidate every cookie issued before them.</summary>
public sealed class SessionSecurityTests : IAsyncDisposable
{
    private readonly VaultApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A client that keeps cookies in a container the test can read (to save a copy, as a thief would).</summary>
    private (HttpClient Client, CookieContainer Cookies) CookieClient()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = _app.Address };
        client.DefaultRequestHeaders.Add("Origin", _app.Origin);
        return (client, cookies);
    }

    private HttpClient Replay(CookieContainer cookies)
    {
        var saved = cookies.GetCookies(_app.Address)["vinylvault.auth"]!.Value;
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _app.Address };
        client.DefaultRequestHeaders.Add("Cookie", "vinylvault.auth=" + saved);
        client.DefaultRequestHeaders.Add("Origin", _app.Origin);
        return client;
    }

    private async Task<(HttpClient Client, CookieContainer Cookies)> OwnerAsync(string path, string password = VaultApp.OwnerPassword)
    {
        var (client, cookies) = CookieClient();
        using var response = await VaultApp.PostFormAsync(client, path, new() { ["user_name"] = VaultApp.OwnerName, ["password"] = password });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return (client, cookies);
    }

    private static async Task<bool> SignedInAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/auth/status")).GetProperty("authenticated").GetBoolean();

    [Fact]
    public async Task A_cookie_saved_before_sign_out_no_longer_works()
    {
        var (owner, cookies) = await OwnerAsync("/auth/setup");
        using var stolen = Replay(cookies);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync("/api/stats")).StatusCode);

        using var signOut = await VaultApp.PostFormAsync(owner, "/auth/signout", []);
        Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);

        await ApiAssert.ProblemAsync(await stolen.GetAsync("/api/stats"), HttpStatusCode.Unauthorized);
        Assert.False(await SignedInAsync(stolen));
        owner.Dispose();
    }

    [Fact]
    public async Task Sign_out_from_one_device_ends_the_sessions_of_the_others_and_an_anonymous_post_ends_none()
    {
        var (laptop, _) = await OwnerAsync("/auth/setup");
        var (phone, _) = await OwnerAsync("/auth/signin");

        // Anyone can fetch a form token; without the owner's session a sign-out post must not end the owner's.
        using var stranger = _app.CreateAnonymousClient();
        (await VaultApp.PostFormAsync(stranger, "/auth/signout", [])).Dispose();
        Assert.True(await SignedInAsync(phone));

        (await VaultApp.PostFormAsync(laptop, "/auth/signout", [])).Dispose();
        Assert.False(await SignedInAsync(phone));
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/keys")).StatusCode);
        laptop.Dispose();
        phone.Dispose();
    }

    [Fact]
    public async Task A_new_password_ends_other_sessions_keeps_this_one_and_replaces_the_old_password()
    {
        var (owner, _) = await OwnerAsync("/auth/setup");
        var (other, otherCookies) = await OwnerAsync("/auth/signin");
        using var saved = Replay(otherCookies);

        using var wrong = await VaultApp.PostFormAsync(owner, "/auth/password", new()
        {
            ["current_password"] = "not the password", ["new_password"] = "a brand new password", ["confirm_password"] = "a brand new password",
        });
        Assert.Equal("/settings?password=wrong_password", wrong.Headers.Location?.OriginalString);
        Assert.True(await SignedInAsync(other));

        using var changed = await VaultApp.PostFormAsync(owner, "/auth/password", new()
        {
            ["current_password"] = VaultApp.OwnerPassword, ["new_password"] = "a brand new password", ["confirm_password"] = "a brand new password",
        });
        Assert.Equal("/settings?password=changed", changed.Headers.Location?.OriginalString);
        Assert.True(await SignedInAsync(owner));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/keys")).StatusCode);
        Assert.False(await SignedInAsync(other));
        Assert.False(await SignedInAsync(saved));

        using var anonymous = _app.CreateAnonymousClient();
        using var oldPassword = await VaultApp.PostFormAsync(anonymous, "/auth/signin", new() { ["user_name"] = VaultApp.OwnerName, ["password"] = VaultApp.OwnerPassword });
        Assert.Equal("/signin?error=invalid_credentials", oldPassword.Headers.Location?.OriginalString);
        (await OwnerAsync("/auth/signin", "a brand new password")).Client.Dispose();
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Settings_offers_sign_out_everywhere_and_a_password_form_and_only_the_owner_may_post_it()
    {
        var (owner, _) = await OwnerAsync("/auth/setup");
        var html = await owner.GetStringAsync("/settings?password=changed");
        Assert.Contains("id=\"sign-out-everywhere\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/auth/password\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"current_password\"", html, StringComparison.Ordinal);
        Assert.Contains("Password changed.", html, StringComparison.Ordinal);

        // A script's key cannot change the owner's password.
        using var key = _app.CreateKeyClient();
        await ApiAssert.ProblemAsync(await VaultApp.PostFormAsync(key, "/auth/password", new()
        {
            ["current_password"] = VaultApp.OwnerPassword, ["new_password"] = "chosen by a script",
        }), HttpStatusCode.Forbidden);
        Assert.True(await SignedInAsync(owner));
        owner.Dispose();
    }
}
