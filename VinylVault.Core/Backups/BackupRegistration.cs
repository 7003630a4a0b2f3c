using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VinylVault.Core.Configuration;

namespace VinylVault.Core.Backups;

public static class BackupRegistration
{
    /// <summary>
    /// Backups: options, the folder, the writer, the restorer, the schedule, and the start-up step that applies a restore
    /// staged from Settings. Call it before AddStorage: that step must run before the database is migrated or opened.
    /// </summary>
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.Section)
            .ValidateDataAnnotationsByKey(BackupOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BackupStore>();
        builder.Services.AddSingleton<BackupWriter>();
        builder.Services.AddSingleton<BackupRestorer>();
        builder.Services.AddHostedService<StagedRestoreStartup>();
        builder.Services.AddSingleton<BackupScheduler>();
        builder.Services.AddHostedService(s => s.GetRequiredService<BackupScheduler>());
        return builder;
    }
}
