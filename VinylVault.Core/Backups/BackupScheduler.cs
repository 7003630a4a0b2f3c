using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VinylVault.Core.Backups;

/// <summary>
/// Backs up Backup:IntervalHours after the newest archive (a fresh install: a few minutes after start), on the app's
/// <see cref="TimeProvider"/>. A failed backup is logged and tried again an hour later (or after the interval, if shorter).
/// </summary>
public sealed class BackupScheduler(BackupWriter writer, BackupStore store, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RetryWait = TimeSpan.FromHours(1);

    /// <summary>When the next scheduled backup is due; null when the schedule is off.</summary>
    public DateTimeOffset? NextDue { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval is not { } every)
        {
            return;
        }

        var started = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var newest = store.List().FirstOrDefault()?.CreatedAt;
            var due = newest is { } last ? new DateTimeOffset(last) + every : started + Min(every, FirstWait);
            NextDue = due;
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            try
            {
                await writer.CreateAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The scheduled backup failed; trying again later");
                NextDue = time.GetUtcNow() + Min(every, RetryWait);
                await Task.Delay(Min(every, RetryWait), time, stoppingToken);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
