using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VinylVault.Core.Images;
using VinylVault.Ui.Collection;
using VinylVault.Ui.Welcome;
using VinylVault.Api.Simulator;

namespace VinylVault.Api.Demo;

/// <summary>The demo collection: the Discogs simulator mapped on this app, and the switch that points the client at it.</summary>
public static class DemoHosting
{
    /// <summary>
    /// The demo's defaults, under anything configured: a few hundred records, three dozen wants (some of them owned
    /// already), and Discogs' 60 requests counted in a
    /// 12-second "minute", so that a full sync through the real 55-per-window limiter takes about a minute.
    /// </summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Demo:Simulator:CollectionSize"] = "250",
        ["Demo:Simulator:WantlistSize"] = "36",
        ["Demo:Simulator:RateLimit"] = "60",
        ["Demo:Simulator:RateLimitWindowSeconds"] = "12",
    };

    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.AddDiscogsSimulator();
        builder.Services.AddSingleton<DemoAddress>();
        builder.Services.AddSingleton<DemoMode>();
        builder.Services.AddSingleton<IDemoMode>(sp => sp.GetRequiredService<DemoMode>());
        builder.Services.Replace(ServiceDescriptor.Singleton(s => new CoverUrls
        {
            LocalPrefix = DemoMode.Prefix,
            Origins = s.GetRequiredService<ImageOrigins>(),
        }));
        builder.Services.AddHostedService<DemoRestore>();
        return builder;
    }

    public static WebApplication MapDemoMode(this WebApplication app)
    {
        app.MapDiscogsSimulator(DemoMode.Prefix).AllowAnonymous();
        return app;
    }
}

/// <summary>Once the server listens (its address is known), a saved demo account is pointed at it again.</summary>
internal sealed class DemoRestore(DemoMode demo, IHostApplicationLifetime lifetime, ILogger<DemoRestore> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = RestoreAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RestoreAsync(CancellationToken stopping)
    {
        try
        {
            await demo.RestoreAsync(stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not restore the demo mode after start-up");
        }
    }
}
