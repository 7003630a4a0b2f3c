using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VinylVault.Core.Collection;
using VinylVault.Core.Discogs;
using VinylVault.Core.Sync;
using VinylVault.Core.Telemetry;
using VinylVault.Core.Value;
using VinylVault.Tests.Collection;
using VinylVault.Ui.Value;

namespace VinylVault.Tests.Ui;

public sealed class ValuePanelTests
{
    [Fact]
    public async Task The_dashboard_charts_the_snapshots_and_lists_the_dearest_records_in_their_currency()
    {
        await using var database = await TestDatabase.StartAsync();
        BasicInformation cheap = Records.Basic(1, "Cheap", "A"), dear = Records.Basic(2, "Dear", "B"), unpriced = Records.Basic(3, "Unpriced", "C");
        var pages = new PageWriter(database.Contexts, new SyncCounters(), outboxWatermark: 1);
        await pages.LoadAsync(CancellationToken.None);
        await pages.WriteAsync(Records.Page(Records.Item(11, cheap), Records.Item(21, dear), Records.Item(31, unpriced)), CancellationToken.None);
        await new DetailWriter(database.Contexts, new SyncCounters(), TimeProvider.System).WriteAsync(
        [
            new DetailResult(1, Records.Details(cheap) with { LowestPrice = 9.5m }, Currency: "EUR"),
            new DetailResult(2, Records.Details(dear) with { LowestPrice = 120.09m }, Currency: "EUR"),
            new DetailResult(3, Records.Details(unpriced) with { LowestPrice = null }, Currency: "EUR"),
        ], CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            db.ValueSnapshots.AddRange(
                new ValueSnapshot { Day = "2026-11-29", At = new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc), Currency = "EUR", Minimum = 100m, Median = 180m, Maximum = 300m },
                new ValueSnapshot { Day = "2026-11-30", At = new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc), Currency = "EUR", Minimum = 120.09m, Median = 178.1m, Maximum = 1295.96m });
            await db.SaveChangesAsync();
        }

        await using var ctx = MudTestContext.Create();
        ctx.Services.AddMetrics().AddSingleton<VaultMetrics>().AddSingleton(TimeProvider.System).AddSingleton(database.Contexts)
            .AddSingleton(NullLogger<ValueSnapshots>.Instance).AddSingleton<ValueSnapshots>().AddSingleton(new CollectionQueries(database.Contexts));

        var panel = ctx.Render<ValuePanel>(p => p.Add(v => v.Version, new object()));

        Assert.Equal("Minimum €120.09 Median €178.10 Maximum €1,295.96", Normalise(panel.Find("[data-test=value-current]").TextContent));
        Assert.NotEmpty(panel.FindAll("[data-test=chart-value] svg"));
        Assert.Equal(["B – Dear €120.09", "A – Cheap €9.50"], panel.FindAll("[data-test=top-priced] li").Select(li => Normalise(li.TextContent)));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
