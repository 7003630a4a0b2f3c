using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VinylVault.Tests.Api;

/// <summary>Every route under /api and the hub, read from the app's own route table, refuses callers without credentials.</summary>
public sealed class AnonymousAccessTests : IAsyncDisposable
{
    // Every route is asked with a wrong key: the per-address throttle of wrong keys (tested on its own) must not answer first.
    private readonly VaultApp _app = new(new Dictionary<string, string?> { ["Auth:FailedApiKeyLimit"] = "1000" });

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Every_api_route_refuses_anonymous_callers_and_revoked_keys_with_401_problem_details()
    {
        var routes = ProtectedRoutes();
        routes.Add(("GET", "/api/no-such-route"));
        Assert.Contains(routes, r => r.Path == "/api/keys" && r.Method == "POST");
        Assert.Contains(routes, r => r.Path.StartsWith("/hubs/sync", StringComparison.Ordinal));

        using var bootstrap = _app.CreateKeyClient();
        var created = await bootstrap.PostAsJsonAsync("/api/keys", new { name = "soon revoked" });
        var key = await created.Content.ReadFromJsonAsync<JsonElement>();
        await bootstrap.DeleteAsync($"/api/keys/{key.GetProperty("id").GetInt32()}");

        using var anonymous = _app.CreateAnonymousClient();
        using var revoked = _app.CreateKeyClient(key.GetProperty("key").GetString()!);
        foreach (var (method, path) in routes)
        {
            foreach (var client in new[] { anonymous, revoked })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(new { });
                }

                using var response = await client.SendAsync(request);
                var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
                Assert.Null(response.Headers.Location);
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
            }
        }
    }

    /// <summary>(method, path) of every endpoint under /api and /hubs, with route parameters filled in.</summary>
    private List<(string Method, string Path)> ProtectedRoutes()
    {
        var sources = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return
        [
            .. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
                .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) || e.Pattern.StartsWith("/hubs/", StringComparison.Ordinal))
                .SelectMany(e => e.Methods.Where(m => m != "OPTIONS").Select(m => (m, Fill(e.Pattern)))),
        ];
    }

    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}([^}:]+)[^}]*\}", "1");
}
