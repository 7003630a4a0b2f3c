using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VinylVault.Api.Simulator;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Core.Value;
using VinylVault.Tests.Discogs.Support;
using VinylVault.Tests.Sync;

namespace VinylVault.Tests.Value;

/// <summary>The collection's value: one request and one snapshot a UTC day at most, after syncs, in the owner's currency.</summary>
public sealed class ValueSnapshotTests
{
    [Fact]
    public async Task Syncs_keep_one_value_snapshot_a_day_and_the_details_carry_prices_in_the_owners_currency()
    {
        var time = new TestTime();
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await SyncHarness.StartAsync(30, simulator: o => o.CurrencyCode = "CAD", services: s => s.AddSingleton<TimeProvider>(time));
        var snapshots = harness.Host.Services.GetRequiredService<ValueSnapshots>();

        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        var first = Assert.Single(await snapshots.HistoryAsync(default));
        var wire = SimulatorAnswers.Value(harness.Simulator);
        Assert.Equal(("CAD", "2026-11-30"), (first.Currency, first.Day));
        // The simulator writes "CA$1,234.56"; the snapshot holds the same amounts, exactly.
        Assert.Equal([wire.Minimum, wire.Median, wire.Maximum],
            [DiscogsMoney.Format(first.Minimum, "CAD"), DiscogsMoney.Format(first.Median, "CAD"), DiscogsMoney.Format(first.Maximum, "CAD")]);
        Assert.Equal(1, harness.Simulator.Counters.Requests("value"));

        // Later the same UTC day: a sync asks nothing more and keeps nothing more.
        time.Advance(TimeSpan.FromHours(13));
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        Assert.Single(await snapshots.HistoryAsync(default));
        Assert.Equal(1, harness.Simulator.Counters.Requests("value"));

        // Past midnight UTC: the next completed sync keeps the next day's.
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(SyncOutcome.Completed, (await harness.SyncAsync()).Outcome);
        Assert.Equal(["2026-11-30", "2026-12-01"], (await snapshots.HistoryAsync(default)).Select(s => s.Day));
        Assert.Equal(2, harness.Simulator.Counters.Requests("value"));

        // The first sync learnt the currency before its details: every price is in it, as the simulator quotes it.
        await using var db = await harness.Contexts.CreateDbContextAsync();
        var priced = await db.Releases.Where(r => r.LowestPrice != null).Select(r => new { r.Id, r.LowestPrice, r.PriceCurrency }).ToListAsync();
        Assert.NotEmpty(priced);
        Assert.All(priced, r =>
        {
            Assert.Equal("CAD", r.PriceCurrency);
            Assert.True(harness.Simulator.Catalog.TryGet(r.Id, out var generated));
            Assert.Equal(generated.LowestPrice, r.LowestPrice);
        });
    }

    [Fact]
    public async Task A_second_snapshot_on_the_same_day_is_refused_by_the_database()
    {
        var time = new TestTime();
        time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        await using var harness = await SyncHarness.StartAsync(5, services: s => s.AddSingleton<TimeProvider>(time));
        var snapshots = harness.Host.Services.GetRequiredService<ValueSnapshots>();
        var api = harness.Host.Services.GetRequiredService<IDiscogsApi>();

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => snapshots.TakeIfDueAsync(api, harness.Server.Username, default)));

        Assert.Single(taken, s => s is not null);
        Assert.Single(await snapshots.HistoryAsync(default));
    }
}
