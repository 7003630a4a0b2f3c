using VinylVault.Tests.Simulator;

namespace VinylVault.Tests.Api;

/// <summary>Settings that point the app at a simulated Discogs, with a rate limit too generous to slow a test down.</summary>
public static class DiscogsFixture
{
    public const string TestToken = "sim-token-0f6c2a9e4b7d41c3";

    public static Task<SimulatorServer> StartAsync(int collectionSize = SimulatedVault.CollectionSize, int? wantlistSize = null) =>
        SimulatorServer.StartAsync(o =>
        {
            o.CollectionSize = collectionSize;
            o.WantlistSize = wantlistSize;
            o.Token = TestToken;
            o.RateLimit = 1000;
            o.RateLimitWindowSeconds = 1;
        });

    /// <summary>The client stack aimed at <paramref name="simulator"/>; with <paramref name="account"/>, its account given by configuration.</summary>
    public static Dictionary<string, string?> Settings(SimulatorServer simulator, bool account = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discogs:BaseUrl"] = simulator.BaseUrl,
            ["Discogs:MaxRequestsPerMinute"] = "1000",
            ["Discogs:RateLimitWindowSeconds"] = "1",
            ["Discogs:MaxRetries"] = "0",
        };
        if (account)
        {
            settings["Discogs:Username"] = simulator.Username;
            settings["Discogs:Token"] = simulator.Token;
        }

        return settings;
    }

    /// <summary>Discogs that never answers: a closed port on this machine, and no retries to wait through.</summary>
    public static Dictionary<string, string?> Unreachable() => new()
    {
        ["Discogs:BaseUrl"] = "http://127.0.0.1:9",
        ["Discogs:Username"] = "demo",
        ["Discogs:Token"] = TestToken,
        ["Discogs:MaxRetries"] = "0",
        ["Discogs:TimeoutSeconds"] = "2",
    };
}

/// <summary>A simulated Discogs and the app pointed at it, shared by the tests of a class.</summary>
public class SimulatedVault : IAsyncLifetime
{
    public const int CollectionSize = 60;

    public SimulatorServer Discogs { get; private set; } = null!;

    public VaultApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Discogs = await DiscogsFixture.StartAsync(CollectionSize);
        var settings = DiscogsFixture.Settings(Discogs);
        Configure(settings);
        App = new VaultApp(settings);
        await ReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Discogs.DisposeAsync();
    }

    /// <summary>More settings for the app, before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>What the tests need done once the app is up.</summary>
    protected virtual Task ReadyAsync() => Task.CompletedTask;
}
