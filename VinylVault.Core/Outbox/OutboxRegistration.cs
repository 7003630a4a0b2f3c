using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Configuration;

namespace VinylVault.Core.Outbox;

public static class OutboxRegistration
{
    /// <summary>Local-first edits: the <see cref="CollectionEditor"/> and the <see cref="OutboxSender"/> that delivers them. Needs AddStorage() and AddDiscogs().</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotationsByKey(OutboxOptions.Section)
            .ValidateOnStart();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddTransient<OutboxDelivery>();
        services.TryAddSingleton<OutboxSender>();
        services.TryAddSingleton<CollectionEditor>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        return builder;
    }
}
