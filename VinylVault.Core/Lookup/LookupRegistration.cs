using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Lookup;

public static class LookupRegistration
{
    /// <summary>"Do I own this?" over the local database and Discogs' search. Needs AddStorage(), AddDiscogs() and AddDiscogsConnectivity().</summary>
    public static IHostApplicationBuilder AddLookup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CollectionLookup>();
        builder.Services.AddHostedService<CatnoKeyBackfill>();
        return builder;
    }
}
