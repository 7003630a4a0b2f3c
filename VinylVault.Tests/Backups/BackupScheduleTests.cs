using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Core.Backups;

namespace VinylVault.Tests.Backups;

/// <summary>The schedule runs on the app's clock (a fake one here) and retention keeps exactly Backup:Keep archives.</summary>
public sealed class BackupScheduleTests
{
    [Fact]
    public async Task Backups_follow_the_interval_and_retention_keeps_exactly_Backup_Keep()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await BackupHost.StartAsync(new Dictionary<string, string?> { ["Backup:IntervalHours"] = "6", ["Backup:Keep"] = "3" }, time);
        var scheduler = host.Services.GetRequiredService<BackupScheduler>();

        // A fresh install: the first backup a few minutes after start, not at once.
        await Until.TrueAsync(() => scheduler.NextDue is not null, "the schedule is set");
        Assert.Equal(time.GetUtcNow() + BackupScheduler.FirstWait, scheduler.NextDue);
        time.Advance(BackupScheduler.FirstWait - TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Empty(host.Store.List());

        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var due = scheduler.NextDue!.Value;
            time.Advance(due - time.GetUtcNow());
            await Until.TrueAsync(() => host.Store.List().FirstOrDefault()?.CreatedAt == due.UtcDateTime, $"backup {i + 1} is written");
            expected.Insert(0, host.Store.List()[0].Name);
            await Until.TrueAsync(() => scheduler.NextDue == due + TimeSpan.FromHours(6), "the next backup is planned an interval later");
            Assert.Equal(expected.Take(3), host.Store.List().Select(b => b.Name));
        }

        Assert.Equal(3, Directory.EnumerateFiles(host.Store.Directory, "*.zip").Count());
        Assert.Equal(3, Directory.EnumerateFiles(host.Store.Directory, "*.sha256").Count());
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Store.Directory, BackupStore.PartialPrefix + "*"));
    }

    [Fact]
    public async Task With_Backup_IntervalHours_0_nothing_is_scheduled()
    {
        var time = new FakeTimeProvider();
        await using var host = await BackupHost.StartAsync(new Dictionary<string, string?> { ["Backup:IntervalHours"] = "0" }, time);
        time.Advance(TimeSpan.FromDays(30));
        await Task.Delay(200);
        Assert.Null(host.Services.GetRequiredService<BackupScheduler>().NextDue);
        Assert.Empty(host.Store.List());
    }
}
