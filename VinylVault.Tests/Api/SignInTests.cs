using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>First-run set-up, the owner's cookie sign-in and sign-out, and the throttle on failed sign-ins.</summary>
public sealed class SignInTests : IAsyncDisposable
{
    private readonly VaultApp _app = new(new Dictionary<string, string?> { ["Auth:FailedSignInLimit"] = "3" });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task First_run_reports_no_owner_and_the_api_answers_only_to_the_bootstrap_key()
    {
        using var anonymous = _app.CreateAnonymousClient();
        var status = await ApiAssert.JsonAsync(await anonymous.GetAsync("/auth/status"));
        ApiAssert.HasFields(status, "owner_exists", "authenticated", "user_name", "method");
        Assert.False(status.GetProperty("owner_exists").GetBoolean());
        Assert.False(status.GetProperty("authenticated").GetBoolean());

        // Signing in before set-up sends the page back to set-up.
        using var signIn = await VaultApp.PostFormAsync(anonymous, "/auth/signin", new() { ["user_name"] = "x", ["password"] = "whatever-long" });
        Assert.Equal("/setup?error=no_owner", signIn.Headers.Location?.OriginalString);

        using var bootstrap = _app.CreateKeyClient();
        Assert.Equal(HttpStatusCode.OK, (await bootstrap.GetAsync("/api/keys")).StatusCode);
        var viaKey = await bootstrap.GetFromJsonAsync<JsonElement>("/auth/status");
        Assert.Equal("api_key", viaKey.GetProperty("method").GetString());
        Assert.Equal("bootstrap", viaKey.GetProperty("user_name").GetString());
    }

    [Fact]
    public async Task Set_up_signs_the_owner_in_with_a_secure_http_only_cookie_and_happens_once()
    {
        using var owner = await _app.CreateOwnerClientAsync();
        var status = await owner.GetFromJsonAsync<JsonElement>("/auth/status");
        Assert.True(status.GetProperty("owner_exists").GetBoolean());
        Assert.True(status.GetProperty("authenticated").GetBoolean());
        Assert.Equal(VaultApp.OwnerName, status.GetProperty("user_name").GetString());
        Assert.Equal("cookie", status.GetProperty("method").GetString());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/keys")).StatusCode);

        // A second set-up is refused, even with other credentials.
        using var other = _app.CreateAnonymousClient();
        using var again = await VaultApp.PostFormAsync(other, "/auth/setup", new() { ["user_name"] = "mallory", ["password"] = "another password" });
        Assert.Equal("/setup?error=owner_exists", again.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/keys")).StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_http_only_same_site_and_sliding()
    {
        using var client = _app.CreateAnonymousClient();
        using var response = await VaultApp.PostFormAsync(client, "/auth/setup", new()
        {
            ["user_name"] = VaultApp.OwnerName,
            ["password"] = VaultApp.OwnerPassword,
            ["return_url"] = "/collection?page=2",
        });
        Assert.Equal("/collection?page=2", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vinylvault.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("", "a long enough password", "invalid_user_name")]
    [InlineData("bob", "short", "weak_password")]
    public async Task Set_up_refuses_bad_input_and_says_why(string userName, string password, string error)
    {
        using var client = _app.CreateAnonymousClient();
        using var response = await VaultApp.PostFormAsync(client, "/auth/setup", new() { ["user_name"] = userName, ["password"] = password });
        Assert.Equal($"/setup?error={error}", response.Headers.Location?.OriginalString);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/auth/status")).GetProperty("owner_exists").GetBoolean());
    }

    [Fact]
    public async Task Set_up_with_a_mismatched_confirmation_is_refused()
    {
        using var client = _app.CreateAnonymousClient();
        using var response = await VaultApp.PostFormAsync(client, "/auth/setup", new()
        {
            ["user_name"] = "bob",
            ["password"] = "a long enough password",
            ["confirm_password"] = "a different one",
        });
        Assert.Equal("/setup?error=password_mismatch", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var client = _app.CreateAnonymousClient();
        using var response = await client.PostAsync("/auth/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user_name"] = "mallory",
            ["password"] = "a long enough password",
        }));
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False((await client.GetFromJsonAsync<JsonElement>("/auth/status")).GetProperty("owner_exists").GetBoolean());
    }

    [Fact]
    public async Task Sign_out_ends_the_session_and_sign_in_starts_a_new_one()
    {
        using var owner = await _app.CreateOwnerClientAsync();
        using var signOut = await VaultApp.PostFormAsync(owner, "/auth/signout", []);
        Assert.Equal("/signin", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/keys")).StatusCode);

        using var signIn = await VaultApp.PostFormAsync(owner, "/auth/signin", new()
        {
            ["user_name"] = "ALICE",
            ["password"] = VaultApp.OwnerPassword,
            ["return_url"] = "https://evil.example/",
        });
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/keys")).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_are_throttled_even_for_the_right_password()
    {
        (await _app.CreateOwnerClientAsync()).Dispose();
        using var client = _app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await VaultApp.PostFormAsync(client, "/auth/signin", new() { ["user_name"] = VaultApp.OwnerName, ["password"] = "wrong password " + i });
            Assert.Equal("/signin?error=invalid_credentials", wrong.Headers.Location?.OriginalString);
        }

        using var right = await VaultApp.PostFormAsync(client, "/auth/signin", new() { ["user_name"] = VaultApp.OwnerName, ["password"] = VaultApp.OwnerPassword });
        Assert.Equal("/signin?error=throttled", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/keys")).StatusCode);
    }
}
