using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VinylVault.Api.Simulator;

/// <summary>Registers one simulated Discogs for the app (the demo mode maps it with <c>MapDiscogsSimulator</c>).</summary>
public static class SimulatorRegistration
{
    /// <summary>Binds "Demo:Simulator", validates it at start-up, and registers the <see cref="DiscogsSimulator"/> singleton.</summary>
    public static IHostApplicationBuilder AddDiscogsSimulator(this IHostApplicationBuilder builder, Action<DiscogsSimulatorOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<DiscogsSimulatorOptions>()
            .Bind(builder.Configuration.GetSection(DiscogsSimulatorOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new DiscogsSimulator(
            sp.GetRequiredService<IOptions<DiscogsSimulatorOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
