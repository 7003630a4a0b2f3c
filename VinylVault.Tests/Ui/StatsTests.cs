using Bunit;
using MudBlazor;
using VinylVault.Core.Collection;
using VinylVault.Ui.Stats;

namespace VinylVault.Tests.Ui;

public sealed class StatsTests
{
    private static readonly CollectionStats Stats = new(
        TotalAlbums: 1234, TotalReleases: 1200, TotalArtists: 456, TotalLabels: 321, TotalGenres: 14, ReleasesWithDetails: 300,
        ByGenre: [], ByDecade: [], ByFormat: [], TopArtists: [], LastSync: null);

    [Fact]
    public async Task The_cards_show_the_counts_and_how_far_the_details_are()
    {
        await using var ctx = MudTestContext.Create();

        var cards = ctx.Render<StatsCards>(p => p.Add(c => c.Stats, Stats));

        Assert.Equal("1,234", cards.Find("[data-test=stat-records] .vv-stat-value").TextContent);
        Assert.Equal("456", cards.Find("[data-test=stat-artists] .vv-stat-value").TextContent);
        Assert.Equal("321", cards.Find("[data-test=stat-labels] .vv-stat-value").TextContent);
        Assert.Equal("14", cards.Find("[data-test=stat-genres] .vv-stat-value").TextContent);
        Assert.Equal("details for 300 of 1,200 releases", cards.Find("[data-test=stat-records] .vv-stat-caption").TextContent);

        cards.Render(p => p.Add(c => c.Stats, Stats with { ReleasesWithDetails = 1200 }));
        Assert.Equal("1,200 releases", cards.Find("[data-test=stat-records] .vv-stat-caption").TextContent);
    }

    [Fact]
    public async Task A_donut_keeps_the_biggest_slices_and_sums_the_rest_as_other()
    {
        await using var ctx = MudTestContext.Create();
        CountBy[] genres = [new("Rock", 50), new("Jazz", 30), new("Electronic", 20), new("Folk", 5), new("Latin", 4), new("Blues", 0)];

        var chart = ctx.Render<CountChart>(p => p.Add(c => c.Title, "Genres").Add(c => c.Counts, genres).Add(c => c.MaxSlices, 4));

        var legend = chart.FindAll(".vv-legend li").Select(li =>
            (li.QuerySelector(".vv-legend-name")!.TextContent, li.QuerySelector(".vv-legend-count")!.TextContent));
        Assert.Equal([("Rock", "50"), ("Jazz", "30"), ("Electronic", "20"), ("Other", "9")], legend);
        Assert.NotEmpty(chart.FindAll("svg"));
    }

    [Fact]
    public async Task An_empty_collection_says_so_instead_of_an_empty_chart()
    {
        await using var ctx = MudTestContext.Create();

        var chart = ctx.Render<CountChart>(p => p.Add(c => c.Title, "Formats").Add(c => c.Counts, []));

        Assert.Equal("Nothing to show yet.", chart.Find(".vv-chart-empty").TextContent);
        Assert.Empty(chart.FindAll("svg"));
    }
}
