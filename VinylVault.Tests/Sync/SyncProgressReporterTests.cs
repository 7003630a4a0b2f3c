using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Core.Telemetry;

namespace VinylVault.Tests.Sync;

/// <summary>The ETA comes from what remains and what the limiter allows, or the pace achieved when that is slower.</summary>
public sealed class SyncProgressReporterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly VaultMetrics _metrics;
    private readonly DiscogsRateLimiter _limiter;

    public SyncProgressReporterTests()
    {
        _metrics = new VaultMetrics(_services.GetRequiredService<IMeterFactory>());
        // Discogs' real figures: 60 requests a minute.
        _limiter = new DiscogsRateLimiter(Options.Create(new DiscogsOptions { MaxRequestsPerMinute = 60, RateLimitWindowSeconds = 60 }), _time, _metrics);
    }

    [Fact]
    public void With_an_idle_limiter_the_ETA_is_the_time_the_limiter_needs_for_the_remaining_requests()
    {
        using var run = NewRun();
        var reporter = new SyncProgressReporter(run, new SyncProgress(_time), _time, _limiter);
        run.Counters.PageRead(totalPages: 10, totalItems: 1000);
        run.Counters.PageWritten(100, 100, 0);
        reporter.EstimatedDetails = () => 170; // 9 pages + 170 releases = 179 requests: 60 now, 60 after 1 min, 59 after 2 min

        var status = reporter.Current();

        Assert.Equal((SyncState.Syncing, SyncPhase.Pages, 100, 1000, 1, 10), (status.Status, status.Phase, status.ProcessedItems, status.TotalItems, status.CurrentPage, status.TotalPages));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(2), status.EstimatedCompletion);
        Assert.Equal(Math.Round(100.0 * 1 / 180, 1), status.ProgressPercent);
    }

    [Fact]
    public void When_the_server_is_slower_than_the_limiter_allows_the_ETA_follows_the_pace_achieved()
    {
        using var run = NewRun();
        var reporter = new SyncProgressReporter(run, new SyncProgress(_time), _time, _limiter);
        run.Counters.PageRead(totalPages: 1, totalItems: 100);
        run.Counters.DetailsPlanned(100);
        run.Phase = SyncPhase.Details;
        for (var i = 0; i < 10; i++)
        {
            _metrics.DiscogsRequest(200); // 10 requests in 20 s: one every 2 s
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        run.Counters.DetailsWritten(9, 0);

        var status = reporter.Current();

        Assert.Equal((SyncPhase.Details, 9, 100), (status.Phase, status.ProcessedItems, status.TotalItems));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(91 * 2), status.EstimatedCompletion);
        Assert.Equal(10, status.RequestsMade);
    }

    [Fact]
    public void A_final_status_has_no_ETA_and_nothing_live_follows_it()
    {
        using var run = NewRun();
        var progress = new SyncProgress(_time);
        var heard = new List<(SyncStatus Status, bool Final)>();
        using var subscription = progress.Subscribe((s, final) => heard.Add((s, final)));
        var reporter = new SyncProgressReporter(run, progress, _time, _limiter);

        reporter.Finish(SyncState.Completed, null);
        _time.Advance(TimeSpan.FromSeconds(1));
        reporter.Publish();

        var (status, final) = Assert.Single(heard);
        Assert.True(final);
        Assert.Equal(SyncState.Completed, status.Status);
        Assert.Null(status.EstimatedCompletion);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(1), status.FinishedAt);
    }

    private SyncRunContext NewRun() =>
        new(new SyncRequest(false, SyncTrigger.Manual), new SyncOptions(), _metrics, _time.GetUtcNow().UtcDateTime, CancellationToken.None);

    public void Dispose()
    {
        _limiter.Dispose();
        _services.Dispose();
    }
}
