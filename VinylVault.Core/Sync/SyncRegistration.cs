using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Collection.Storage;
using VinylVault.Core.Configuration;
using VinylVault.Core.Sync.Removal;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Value;

namespace VinylVault.Core.Sync;

public static class SyncRegistration
{
    /// <summary>
    /// The sync: options, the progress publisher, the run history, the pipeline, the <see cref="SyncWorker"/>
    /// (one singleton, also the hosted service), releases fetched on demand, and the quick checks. Needs AddStorage()
    /// and AddDiscogs().
    /// </summary>
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SyncOptions>()
            .BindConfiguration(SyncOptions.Section)
            .ValidateDataAnnotationsByKey(SyncOptions.Section)
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VaultMetrics>();
        services.TryAddSingleton<SyncProgress>();
        services.TryAddSingleton<SyncRunLog>();
        services.TryAddSingleton<HeldRemovals>();
        services.TryAddSingleton<ReleaseDetailRequests>();
        services.TryAddSingleton<ValueSnapshots>();
        services.TryAddTransient<SyncPipeline>();
        services.TryAddSingleton<SyncWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<SyncWorker>());
        services.TryAddSingleton<QuickCheckLog>();
        services.TryAddTransient<QuickCheck>();
        services.TryAddSingleton<QuickCheckWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<QuickCheckWorker>());
        return builder;
    }
}
