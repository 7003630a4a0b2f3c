using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VinylVault.Core.Discogs;
using VinylVault.Core.Telemetry;
using VinylVault.Tests.Discogs.Support;

namespace VinylVault.Tests.Discogs;

/// <summary>The limiter's record of sends in the data directory, read by the next process: a restart never sends into a filled window.</summary>
public sealed class RateLimiterMemoryTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly string _directory = Directory.CreateTempSubdirectory("vinylvault-limiter-").FullName;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TestTime _time = new();

    [Fact]
    public async Task A_limiter_started_after_a_kill_holds_its_predecessors_permits_until_they_were_due()
    {
        var start = _time.GetUtcNow();
        using var killed = Limiter();
        killed.Complete(await killed.AcquireAsync(default), response: null); // answered at start: due at start + 10 s
        _time.Advance(2 * Second);
        await killed.AcquireAsync(default); // two requests in flight when the process dies
        await killed.AcquireAsync(default);
        _time.Advance(Second);

        using var restarted = Limiter();

        Assert.Equal(3, restarted.InUse);
        var next = restarted.AcquireAsync(default).AsTask();
        _time.Advance(start + 10 * Second - _time.GetUtcNow() - TestTime.Tick);
        Assert.False(next.IsCompleted);
        _time.Advance(TestTime.Tick);
        await next.WaitAsync(Eventually.Patience);
        // The two in flight may have reached Discogs just before the kill: held a whole window from the restart.
        Assert.Equal(3, restarted.InUse);
        Assert.Equal(3 * Second, restarted.EstimateTimeToSend(1));
    }

    [Fact]
    public async Task A_clean_stop_records_when_each_permit_goes_back_and_a_missing_or_broken_record_holds_nothing()
    {
        using (var stopped = Limiter())
        {
            stopped.Complete(await stopped.AcquireAsync(default), response: null);
        }

        using (var restarted = Limiter())
        {
            Assert.Equal(1, restarted.InUse);
        }

        _time.Advance(10 * Second);
        using (var later = Limiter())
        {
            Assert.Equal(0, later.InUse);
        }

        await File.WriteAllTextAsync(Path.Combine(_directory, DiscogsSendLog.FileName), "due banana\ninflight -4\n\0\0\0");
        using var broken = Limiter();
        Assert.Equal(0, broken.InUse);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private DiscogsRateLimiter Limiter() => new(
        Options.Create(new DiscogsOptions { MaxRequestsPerMinute = 3, RateLimitWindowSeconds = 10 }),
        _time,
        new VaultMetrics(_services.GetRequiredService<IMeterFactory>()),
        new DiscogsSendLog(Path.Combine(_directory, DiscogsSendLog.FileName), NullLogger<DiscogsSendLog>.Instance));
}
