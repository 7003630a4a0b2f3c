using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VinylVault.Core.Configuration;
using VinylVault.Core.Discogs;
using VinylVault.Core.Images;
using VinylVault.Core.Telemetry;

namespace VinylVault.Core.Covers;

public static class CoverRegistration
{
    /// <summary>
    /// The cover cache: options, the allowed origins, the store, the throttle, an HttpClient of its own (the Discogs
    /// User-Agent and retry policy, no token, no API limiter, no automatic redirects) and the lane as a hosted service.
    /// Needs AddStorage(), AddDiscogs() and AddSync().
    /// </summary>
    public static IHostApplicationBuilder AddCovers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CoverOptions>()
            .BindConfiguration(CoverOptions.Section)
            .ValidateDataAnnotationsByKey(CoverOptions.Section)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VaultMetrics>();
        // One rule for image origins, the browser's and the downloader's, validated with the Images section.
        services.TryAddSingleton(provider => new ImageOrigins(provider.GetRequiredService<IOptions<CoverOptions>>()));
        services.TryAddSingleton<CoverStore>();
        services.TryAddSingleton<CoverThrottle>();
        services.TryAddSingleton<CoverLedger>();
        services.TryAddSingleton<CoverEviction>();
        services.TryAddSingleton<CoverDownloader>();
        services.TryAddTransient<CoverThrottleHandler>();
        services.TryAddSingleton<CoverLane>();
        services.AddHostedService(provider => provider.GetRequiredService<CoverLane>());

        services.AddHttpClient(CoverDownloader.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", provider.GetRequiredService<IOptions<DiscogsOptions>>().Value.UserAgent);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "image/jpeg, image/png, image/webp, image/gif");
                // Waiting for a permit may take minutes: the handler times each try instead.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Every redirect goes back to the downloader, which follows it only to an allowed origin.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<DiscogsRetryPolicy>().Policy)
            .AddHttpMessageHandler<CoverThrottleHandler>();
        return builder;
    }
}
