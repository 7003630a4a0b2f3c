using System.Diagnostics;
using System.Net;

namespace VinylVault.Tests.Api;

/// <summary>
/// The account's own budget of failed sign-ins (across addresses), the known-device exemption from an address's lock,
/// X-Forwarded-For only from a known proxy, and a wrong user name costing as much as a wrong password.
/// </summary>
public sealed class SignInBudgetTests
{
    private static VaultApp Start(int perClient, int perAccount) => new(new Dictionary<string, string?>
    {
        ["Auth:FailedSignInLimit"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:FailedSignInAccountLimit"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:KnownProxies"] = "127.0.0.1",
        // A first wait long enough that a busy machine cannot outlast it between two requests.
        ["Auth:FailedSignInDelaySeconds"] = "120",
    });

    private static async Task<string?> SignInAsync(HttpClient client, string password, string? forwardedFor = null, string user = VaultApp.OwnerName)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await VaultApp.PostFormAsync(client, "/auth/signin", new() { ["user_name"] = user, ["password"] = password });
        return response.Headers.Location?.OriginalString;
    }

    [Fact]
    public async Task Failures_from_many_addresses_spend_one_budget_then_even_the_right_password_waits()
    {
        await using var app = Start(perClient: 3, perAccount: 6);
        (await app.CreateOwnerClientAsync()).Dispose();
        using var attacker = app.CreateAnonymousClient();

        // Three addresses behind the known proxy, two guesses each: no address reaches its own limit of three.
        foreach (var address in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal("/signin?error=invalid_credentials", await SignInAsync(attacker, "guess " + address + i, address));
            }
        }

        // The seventh failure is over the account's budget: the next attempt, from anywhere new, must wait.
        Assert.Equal("/signin?error=invalid_credentials", await SignInAsync(attacker, "one more guess", "203.0.113.4"));
        using var fresh = app.CreateAnonymousClient();
        Assert.Equal("/signin?error=throttled", await SignInAsync(fresh, VaultApp.OwnerPassword, "198.51.100.7"));
    }

    [Fact]
    public async Task A_known_device_signs_in_while_its_address_is_locked_by_someone_else()
    {
        await using var app = Start(perClient: 3, perAccount: 100);
        using var owner = await app.CreateOwnerClientAsync();
        (await VaultApp.PostFormAsync(owner, "/auth/signout", [])).Dispose();

        // Someone behind the same NAT (no X-Forwarded-For: the socket's own address) uses up the address's budget.
        using var neighbour = app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("/signin?error=invalid_credentials", await SignInAsync(neighbour, "guess " + i));
        }

        Assert.Equal("/signin?error=throttled", await SignInAsync(neighbour, VaultApp.OwnerPassword));
        Assert.Equal("/", await SignInAsync(owner, VaultApp.OwnerPassword));

        // A forged device cookie is no key.
        var jar = new CookieContainer();
        jar.Add(app.Address, new Cookie("vinylvault.device", "CfDJ8forged", "/auth"));
        using var forger = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar }) { BaseAddress = app.Address };
        forger.DefaultRequestHeaders.Add("Origin", app.Origin);
        Assert.Equal("/signin?error=throttled", await SignInAsync(forger, VaultApp.OwnerPassword));
    }

    [Fact]
    public async Task A_wrong_user_name_takes_as_long_as_a_wrong_password()
    {
        await using var app = Start(perClient: 1000, perAccount: 100_000);
        (await app.CreateOwnerClientAsync()).Dispose();
        using var client = app.CreateAnonymousClient();
        await SignInAsync(client, "warm-up", user: "nobody");

        var wrongName = new List<double>();
        var wrongPassword = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            wrongName.Add(await TimeAsync(() => SignInAsync(client, "a password " + i, user: "not-" + VaultApp.OwnerName)));
            wrongPassword.Add(await TimeAsync(() => SignInAsync(client, "a password " + i)));
        }

        // Interleaved and compared by median, so a busy machine slows both alike. Without the dummy hash a wrong name
        // answered in a tenth of the time of a wrong password.
        var (name, password) = (Median(wrongName), Median(wrongPassword));
        Assert.True(name >= password * 0.5, $"wrong name {name:F1} ms, wrong password {password:F1} ms");
    }

    private static async Task<double> TimeAsync(Func<Task<string?>> signIn)
    {
        var watch = Stopwatch.StartNew();
        Assert.Equal("/signin?error=invalid_credentials", await signIn());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
