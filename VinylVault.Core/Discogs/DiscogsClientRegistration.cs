using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Configuration;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Discogs;

/// <summary>Adds the Discogs client stack: options, the one rate limiter, the handler chain, IDiscogsApi and DiscogsClient.</summary>
public static class DiscogsClientRegistration
{
    /// <summary>The name of the HttpClient behind IDiscogsApi (tests swap its primary handler).</summary>
    public const string HttpClientName = "Discogs";

    public static IHostApplicationBuilder AddDiscogs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscogsOptions>()
            .BindConfiguration(DiscogsOptions.Section)
            .ValidateDataAnnotationsByKey(DiscogsOptions.Section)
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VaultMetrics>();
        services.TryAddSingleton<IDiscogsAccount, ConfiguredDiscogsAccount>();
        // With storage, the limiter remembers its sends across restarts in the data directory.
        services.TryAddSingleton(provider => new DiscogsRateLimiter(
            provider.GetRequiredService<IOptions<DiscogsOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<VaultMetrics>(),
            provider.GetService<VaultDatabase>() is { } database
                ? new DiscogsSendLog(Path.Combine(database.DataDirectory, DiscogsSendLog.FileName), provider.GetRequiredService<ILogger<DiscogsSendLog>>())
                : null));
        services.TryAddSingleton<DiscogsRetryPolicy>();
        services.TryAddTransient<DiscogsRateLimitHandler>();
        services.TryAddTransient<DiscogsTimeoutHandler>();
        services.TryAddTransient<DiscogsAuthHandler>();
        services.TryAddTransient<DiscogsClient>();

        // Outermost first: retries outside the limiter (each retry pays a permit), the per-try timeout inside it
        // (waiting for a permit is not a timeout), the token on every try.
        services.AddRefitGeneratedClient<IDiscogsApi>(DiscogsRefitSettings.Create, HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IDiscogsAccount>().BaseAddress;
                // A sync queues for permits for minutes: only the per-try timeout and the caller's token apply.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<DiscogsRetryPolicy>().Policy)
            .AddHttpMessageHandler<DiscogsRateLimitHandler>()
            .AddHttpMessageHandler<DiscogsTimeoutHandler>()
            .AddHttpMessageHandler<DiscogsAuthHandler>();
        return builder;
    }
}
