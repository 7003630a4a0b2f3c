using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VinylVault.Api.Simulator;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Simulator;

/// <summary>
/// A simulated Discogs on a real Kestrel socket at 127.0.0.1 (a free port), for tests that go through real HTTP.
/// Point the client at <see cref="BaseUrl"/> with <see cref="Token"/>; drive and read the server through <see cref="Simulator"/>.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string TestUserAgent = "VinylVault.Tests/1.0";

    private readonly WebApplication _app;
    private int _disposed;

    private SimulatorServer(WebApplication app, DiscogsSimulator simulator, string baseUrl)
    {
        _app = app;
        Simulator = simulator;
        BaseUrl = baseUrl;
    }

    public DiscogsSimulator Simulator { get; }

    /// <summary>"http://127.0.0.1:port" plus the prefix, no trailing slash: what Discogs:BaseUrl takes.</summary>
    public string BaseUrl { get; }

    public string Token => Simulator.Token;

    public string Username => Simulator.Username;

    /// <summary>Starts a server; <paramref name="time"/> drives the rate-limit window, storms and added latency.</summary>
    public static async Task<SimulatorServer> StartAsync(
        Action<DiscogsSimulatorOptions>? configure = null, TimeProvider? time = null, string prefix = "", CancellationToken cancellationToken = default)
    {
        var options = new DiscogsSimulatorOptions();
        configure?.Invoke(options);
        var simulator = new DiscogsSimulator(options, time ?? TimeProvider.System);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // A request hanging on purpose (a timeout fault) must not hold a test's clean-up for the default 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.MapDiscogsSimulator(prefix, simulator);
        await app.StartAsync(cancellationToken);
        return new SimulatorServer(app, simulator, app.Urls.Single().TrimEnd('/') + prefix.TrimEnd('/'));
    }

    /// <summary>A plain HttpClient rooted at the simulator (use relative paths without a leading slash), with the token unless told otherwise.</summary>
    public HttpClient CreateClient(bool authenticated = true, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        // Discogs' own format ("+url") is no RFC product token, so it goes in unvalidated, as the real client must send it.
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", TestUserAgent);
        if (authenticated)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Discogs", $"token={Token}");
        }

        return client;
    }

    /// <summary>The collection as a client parses it from the pages: what a finished sync must hold.</summary>
    public IReadOnlyList<CollectionItem> ExpectedCollection() => Simulator.ExpectedCollection(BaseUrl);

    public IReadOnlyList<Want> ExpectedWants() => Simulator.ExpectedWants(BaseUrl);

    public DiscogsRelease? ExpectedRelease(long releaseId) => Simulator.ExpectedRelease(releaseId, BaseUrl);

    /// <summary>Stops the server (Discogs gone); a second call does nothing, so a test may stop it early.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
