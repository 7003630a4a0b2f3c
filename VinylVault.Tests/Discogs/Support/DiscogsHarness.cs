using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Discogs;

namespace VinylVault.Tests.Discogs.Support;

/// <summary>
/// The Discogs client stack exactly as the app registers it (builder.AddDiscogs()), with only the edges swapped:
/// the network (a scripted primary handler) and the clock (a FakeTimeProvider).
/// </summary>
internal sealed class DiscogsHarness : IDisposable
{
    public const string Token = "SECRET-TOKEN-123";
    public const string UserAgent = "VinylVault/9.9 +https://example.test/vinylvault";

    private DiscogsHarness(IHost host, TestTime time, ScriptedDiscogs primary)
    {
        Host = host;
        Time = time;
        Primary = primary;
    }

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public TestTime Time { get; }

    public ScriptedDiscogs Primary { get; }

    /// <summary>A fresh client, as a caller resolves it.</summary>
    public IDiscogsApi Api => Services.GetRequiredService<IDiscogsApi>();

    public DiscogsClient Client => Services.GetRequiredService<DiscogsClient>();

    public DiscogsRateLimiter Limiter => Services.GetRequiredService<DiscogsRateLimiter>();

    public static DiscogsHarness Create(
        int limit = 100,
        double windowSeconds = 60,
        int maxRetries = 3,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var configuration = new Dictionary<string, string?>
        {
            ["Discogs:BaseUrl"] = "https://api.discogs.test",
            ["Discogs:UserAgent"] = UserAgent,
            ["Discogs:Username"] = "alice",
            ["Discogs:Token"] = Token,
            ["Discogs:MaxRequestsPerMinute"] = limit.ToString(CultureInfo.InvariantCulture),
            ["Discogs:RateLimitWindowSeconds"] = windowSeconds.ToString(CultureInfo.InvariantCulture),
            ["Discogs:MaxRetries"] = maxRetries.ToString(CultureInfo.InvariantCulture),
            ["Discogs:TimeoutSeconds"] = "30",
        };
        // A setting given as null is left out, so the option keeps its default.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                configuration.Remove(key);
            }
            else
            {
                configuration[key] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(configuration);

        var time = new TestTime();
        var primary = new ScriptedDiscogs(time);
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        builder.AddDiscogs();
        builder.Services.AddHttpClient(DiscogsClientRegistration.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => primary);
        return new DiscogsHarness(builder.Build(), time, primary);
    }

    public void Dispose() => Host.Dispose();
}
