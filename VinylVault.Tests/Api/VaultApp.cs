using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VinylVault.Tests.Support;

namespace VinylVault.Tests.Api;

/// <summary>
/// The whole app on a real Kestrel socket (127.0.0.1, a free port) with its own temp data directory. Only the
/// edges are swapped: configuration (Discogs base URL and account, the bootstrap key) and the log sink.
/// </summary>
public sealed class VaultApp : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "bootstrap-key-for-tests-0123456789";
    public const string OwnerName = "alice";
    public const string OwnerPassword = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly bool _captureLogs;
    private readonly TempDataDirectory _data = new("app");

    /// <param name="settings">Configuration over the tests' defaults.</param>
    /// <param name="environment">The host environment; outside Development the static web assets come from their
    /// manifest, as a browser needs them.</param>
    /// <param name="captureLogs">Whether <see cref="Logs"/> keeps every line from Debug up; benchmarks log as in production.</param>
    public VaultApp(IDictionary<string, string?>? settings = null, string environment = "Development", bool captureLogs = true)
    {
        (_environment, _captureLogs) = (environment, captureLogs);
        DataDirectory = _data.Path;
        _settings = new()
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Auth:ApiKey"] = BootstrapKey,
            ["Discogs:BaseUrl"] = "http://127.0.0.1:9",
            ["Sync:AutoSyncHours"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The server's address, e.g. "http://127.0.0.1:41234/" (starts the app on first use).</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        if (_environment != "Development")
        {
            builder.UseStaticWebAssets();
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        if (_captureLogs)
        {
            builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Debug));
        }
    }

    /// <summary>
    /// A plain client on the socket that keeps cookies and does not follow redirects (so tests see them). Like a
    /// browser on the dashboard's own pages, it names the app's origin (the origin check wants it on cookie posts).
    /// </summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    /// <summary>"http://127.0.0.1:port", as a browser names the app's origin.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    public HttpClient CreateKeyClient(string key = BootstrapKey)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Sets up the owner (first run) if needed and signs in: the client then carries the owner's cookie.</summary>
    public async Task<HttpClient> CreateOwnerClientAsync()
    {
        var client = CreateAnonymousClient();
        var status = await client.GetFromJsonAsync<JsonElement>("/auth/status");
        var path = status.GetProperty("owner_exists").GetBoolean() ? "/auth/signin" : "/auth/setup";
        using var response = await PostFormAsync(client, path, new() { ["user_name"] = OwnerName, ["password"] = OwnerPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>Posts a form the way a dashboard page does: with the antiforgery token of this client's cookies.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/auth/antiforgery");
        fields[token.GetProperty("field_name").GetString()!] = token.GetProperty("token").GetString()!;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
