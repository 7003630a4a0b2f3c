using System.Net;
using System.Text.Json;

namespace VinylVault.Tests.Api;

/// <summary>What every answer shares: security headers, ProblemDetails for errors, the anonymous operational endpoints.</summary>
public sealed class HttpSurfaceTests(SharedVaultApp shared) : IClassFixture<SharedVaultApp>
{
    private readonly VaultApp _app = shared.App;

    [Theory]
    [InlineData("/api/keys", HttpStatusCode.Unauthorized)]
    [InlineData("/api/no-such-thing", HttpStatusCode.Unauthorized)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/metrics", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/auth/status", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = _app.CreateAnonymousClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains($"ws://{_app.Address.Authority}", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        // Served over plain http: no HSTS, no redirect to https.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_are_problem_details()
    {
        using var client = _app.CreateKeyClient();
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await client.PutAsync("/api/keys", null), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_openapi_document_is_anonymous_and_describes_the_api_in_snake_case()
    {
        using var client = _app.CreateAnonymousClient();
        var doc = await ApiAssert.JsonAsync(await client.GetAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        string[] documented =
        [
            "/api/sync/status", "/api/sync/start", "/api/sync/cancel", "/api/sync/history", "/api/search", "/api/collection",
            "/api/releases/{release_id}", "/api/stats", "/api/account/discogs", "/api/keys", "/api/keys/{id}", "/auth/signin",
            "/auth/setup", "/auth/signout", "/auth/status",
        ];
        foreach (var path in documented)
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI document");
        }

        // The collection and the wantlist take format and years under the same names (one request class).
        foreach (var path in (string[])["/api/collection", "/api/wantlist"])
        {
            var names = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
            Assert.Superset(new HashSet<string?> { "format", "year_from", "year_to" }, names.ToHashSet());
        }

        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("CreatedApiKey").GetProperty("properties").TryGetProperty("created_at", out _));
        Assert.True(schemas.GetProperty("SyncStatusAnswer").GetProperty("properties").TryGetProperty("client_online", out _));
    }

    [Fact]
    public async Task The_openapi_document_gives_every_endpoint_a_summary_and_every_api_endpoint_its_401()
    {
        using var client = _app.CreateAnonymousClient();
        var paths = (await ApiAssert.JsonAsync(await client.GetAsync("/openapi/v1.json"))).GetProperty("paths");

        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Contains(operations, o => o.Name == "GET /api/sync/history");
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{o.Name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("description", out var d) ? d.GetString() : null), $"{o.Name} has no description");
        });
        Assert.All(operations.Where(o => o.Name.Contains(" /api/", StringComparison.Ordinal)), o =>
            Assert.True(o.Operation.GetProperty("responses").TryGetProperty("401", out _), $"{o.Name} does not say it answers 401"));
        var release = paths.GetProperty("/api/releases/{release_id}").GetProperty("get").GetProperty("responses");
        Assert.True(release.TryGetProperty("404", out var notFound), "GET /api/releases/{release_id} does not say it answers 404");
        Assert.True(notFound.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Health_reports_each_check_as_json()
    {
        using var client = _app.CreateAnonymousClient();
        var health = await ApiAssert.JsonAsync(await client.GetAsync("/health"));
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("healthy", checks["database"].GetProperty("status").GetString());
        Assert.Equal("healthy", checks["migrations"].GetProperty("status").GetString());
        Assert.Equal("healthy", checks["sync_worker"].GetProperty("status").GetString());
        Assert.Equal("healthy", checks["discogs"].GetProperty("status").GetString());
        ApiAssert.HasFields(checks["database"], "name", "status", "description", "duration_ms");
    }

    [Fact]
    public async Task Metrics_are_anonymous_prometheus_text_with_the_service_name()
    {
        using var client = _app.CreateAnonymousClient();
        // In the same instant as the app's first request there may be no request duration yet: serve one first.
        (await client.GetAsync("/health")).Dispose();
        var (status, text) = await ScrapeUntilAsync(client, "http_server_request_duration_seconds");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("service_name=\"vinylvault\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_reads_take_turns_and_an_operator_sees_the_turns_in_the_metrics()
    {
        using var client = _app.CreateKeyClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/stats")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        using var anonymous = _app.CreateAnonymousClient();
        var (_, text) = await ScrapeUntilAsync(anonymous, "aspnetcore_rate_limiting_request_lease_duration_seconds");
        Assert.Matches("aspnetcore_rate_limiting_request_lease_duration_seconds_count\\{[^}]*policy=\"api-lanes\"", text);
    }

    /// <summary>
    /// A request's figures are recorded after its answer has gone out, and the exporter caches a scrape briefly, so a
    /// scrape in the same instant may not list them yet: scrape until <paramref name="series"/> shows, a few seconds at most.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string Text)> ScrapeUntilAsync(HttpClient client, string series)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            using var response = await client.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();
            if (text.Contains(series, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return (response.StatusCode, text);
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>One app shared by the tests of a class that only read (no owner set-up, no state that leaks between tests).</summary>
public sealed class SharedVaultApp : IAsyncLifetime
{
    public VaultApp App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
