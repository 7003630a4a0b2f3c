using System.Net;

namespace VinylVault.Tests.Api;

/// <summary>Wrong API keys are throttled per address and logged in aggregate; the bootstrap key must be long and random.</summary>
public sealed class ApiKeyThrottleTests
{
    [Fact]
    public async Task A_burst_of_wrong_keys_turns_into_429_and_one_warning()
    {
        await using var app = new VaultApp(new Dictionary<string, string?> { ["Auth:FailedApiKeyLimit"] = "10" });
        using var guesser = app.CreateKeyClient("vv_not-a-real-key");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await guesser.GetAsync("/api/stats");
            statuses.Add(response.StatusCode);
            if (i == 39)
            {
                var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.Equal("Too many wrong API keys.", problem.GetProperty("title").GetString());
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 30)], statuses);
        // While the address is throttled, even the right key waits: otherwise the answers would still tell keys apart.
        using var rightKey = app.CreateKeyClient();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await rightKey.GetAsync("/api/stats")).StatusCode);

        var lines = app.Logs.Text.Split('\n');
        var warnings = lines.Where(l => l.StartsWith("Warning VinylVault", StringComparison.Ordinal) && l.Contains("wrong API key", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.DoesNotContain(lines, l => l.StartsWith("Information VinylVault.Api.Auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bootstrap_key_under_32_characters_stops_the_start_and_a_guessable_one_is_warned_about()
    {
        await using (var short_ = new VaultApp(new Dictionary<string, string?> { ["Auth:ApiKey"] = "only-twenty-chars-ok" }))
        {
            var error = Assert.ThrowsAny<Exception>(() => short_.Address);
            Assert.Contains("Auth:ApiKey", error.ToString(), StringComparison.Ordinal);
        }

        await using var weak = new VaultApp(new Dictionary<string, string?> { ["Auth:ApiKey"] = "passwordpasswordpasswordpassword" });
        _ = weak.Address;
        Assert.Contains(weak.Logs.Text.Split('\n'), l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Auth:ApiKey looks guessable", StringComparison.Ordinal));
        Assert.DoesNotContain("passwordpassword", weak.Logs.Text, StringComparison.Ordinal);
    }
}
