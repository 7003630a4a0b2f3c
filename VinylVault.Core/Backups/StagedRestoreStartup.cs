using Microsoft.Extensions.Hosting;

namespace VinylVault.Core.Backups;

/// <summary>The first hosted service: a restore staged from Settings is applied before the database is opened by anything.</summary>
internal sealed class StagedRestoreStartup(BackupRestorer restorer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => restorer.ApplyPendingAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
