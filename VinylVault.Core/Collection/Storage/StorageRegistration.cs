using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Collection.CompiledModel;
using VinylVault.Core.Configuration;

namespace VinylVault.Core.Collection.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The SQLite database: options, a factory of pooled contexts (a short-lived context per call), the PRAGMA
    /// interceptor, the migrations at start-up, and the <see cref="CollectionQueries"/> every reader shares.
    /// Call it before anything else that adds hosted services.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotationsByKey(StorageOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<VaultDatabase>();
        builder.Services.AddSingleton<SqlitePragmaInterceptor>();
        // Pooled: a context is reset and reused, not built with its own service scope per call (measured: a seventh of
        // what a REST read allocated, and its share of the CPU).
        builder.Services.AddPooledDbContextFactory<VaultDbContext>((services, options) => options
            .UseSqlite(services.GetRequiredService<VaultDatabase>().ConnectionString)
            // The compiled model (dotnet ef dbcontext optimize) spares every start the model building by conventions.
            .UseModel(VaultDbContextModel.Instance)
            // Checking for model changes without a migration builds two more models by conventions on every first
            // start (about 8 MB resident, kept for the process's life); StorageTests makes that check instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            // EF's check that a context is not used by two threads at once sets an AsyncLocal twice per row read (two
            // allocations each): a tenth of a REST read's allocations. The tests run in Development and keep it.
            .EnableThreadSafetyChecks(builder.Environment.IsDevelopment())
            .AddInterceptors(services.GetRequiredService<SqlitePragmaInterceptor>()));
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddSingleton<DataVersion>();
        builder.Services.AddSingleton<CollectionQueries>();
        return builder;
    }
}
