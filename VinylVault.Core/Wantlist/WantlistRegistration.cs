using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Wantlist;

public static class WantlistRegistration
{
    /// <summary>The wantlist's queries and local-first edits (the sync reads it on its own). Needs AddStorage() and AddOutbox().</summary>
    public static IHostApplicationBuilder AddWantlist(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<WantlistQueries>();
        builder.Services.TryAddSingleton<WantlistEditor>();
        return builder;
    }
}
